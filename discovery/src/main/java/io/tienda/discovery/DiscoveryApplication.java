package io.tienda.discovery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.netflix.eureka.server.EnableEurekaServer;

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
}
