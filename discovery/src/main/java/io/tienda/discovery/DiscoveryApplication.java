package io.tienda.discovery;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.netflix.eureka.server.EnableEurekaServer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * The service registry every Tienda service registers with and the gateway resolves
 * {@code lb://<service>} against. A single standalone node: the fleet restarts it in seconds
 * and clients keep their last known registry meanwhile, so peer replication is not worth its cost.
 */
@SpringBootApplication
@EnableEurekaServer
public class DiscoveryApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiscoveryApplication.class, args);
    }

    /**
     * Probes and scrapes are neither traced nor counted in {@code http_server_requests}, as in every
     * other JVM of the fleet: a readiness probe's 503 would read there as a server error.
     */
    @Bean
    ObservationPredicate actuatorRequestsUnobserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI() != null
                && (request.getCarrier().getRequestURI().equals("/actuator")
                        || request.getCarrier().getRequestURI().startsWith("/actuator/")));
    }
}
