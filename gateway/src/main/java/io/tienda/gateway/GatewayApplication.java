package io.tienda.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Properties;

/**
 * The single entry point for shoppers, staff and analysts: routes {@code /api/v1/**} to the
 * services found through discovery and owns the edge concerns (request ids, access log, CORS,
 * bearer-token checks, rate limits, size limits, circuit breakers, problem responses).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Reactor Netty's event loop count, read once when Reactor Netty loads. */
    static final String EVENT_LOOPS = "reactor.netty.ioWorkerCount";

    public static void main(String[] args) {
        oneEventLoopPerCore(System.getProperties(), Runtime.getRuntime().availableProcessors());
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * One event loop per core, unless {@code -Dreactor.netty.ioWorkerCount} says otherwise. Reactor
     * Netty's default is at least four, as a margin for code that blocks a loop; nothing in the gateway
     * blocks one, and its loops serve the API, the calls to the services and Redis (each loop with a
     * connection of its own), so on two cores four loops only took turns: one loop per core cut the
     * gateway's CPU per proxied request by 7-20 % in two side-by-side runs. The JVM counts the cores
     * a container's CPU limit allows.
     */
    static void oneEventLoopPerCore(Properties system, int cores) {
        if (system.getProperty(EVENT_LOOPS) == null) {
            system.setProperty(EVENT_LOOPS, Integer.toString(Math.max(1, cores)));
        }
    }
}
