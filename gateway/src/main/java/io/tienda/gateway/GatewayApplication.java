package io.tienda.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The single entry point for shoppers, staff and analysts: routes {@code /api/v1/**} to the
 * services found through discovery and owns the edge concerns (request ids, access log, CORS,
 * bearer-token checks, rate limits, size limits, circuit breakers, problem responses).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
