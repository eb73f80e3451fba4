package io.tienda.gateway;

import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

/**
 * The one application context the gateway's integration tests share: the real gateway on a random
 * port, real Redis (embedded redis-server), the services as real HTTP {@link Backends} found
 * through simple discovery, and tokens checked against {@link TestJwks}. Keep every subclass free of
 * extra configuration so they all reuse this context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The test client connects over loopback; trusting it lets tests speak for other client IPs.
        "tienda.gateway.trusted-proxies=127.0.0.1/32,::1/128",
        // Counting must not depend on a loaded CI machine answering within the production 250 ms;
        // the fail-open path has its own test (TokenBucketRateLimiterTest).
        "tienda.rate-limit.redis-timeout=5s",
        // Tests rotate keys one after another; production's 10 s between JWKS fetches is covered by SigningKeysTest.
        "tienda.security.jwks-refetch-interval=500ms",
        // A body that stops arriving is refused after this (production: 30 s), so a test need not wait long.
        "tienda.gateway.request-body-timeout=2s",
        // One route with a tiny bulkhead, to see a full route refuse at once without opening its breaker.
        "resilience4j.bulkhead.instances.returns.max-concurrent-calls=2"
})
@TiendaInfra(Store.REDIS)
public abstract class GatewayIT {

    public static final String ALLOWED_ORIGIN = "http://localhost:3000";

    @LocalServerPort
    protected int port;

    /** Actuator's own port (production: 8081), on a random port here as the API is. */
    @LocalManagementPort
    protected int managementPort;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("tienda.security.jwks-uri", () -> TestJwks.get().uri().toString());
        Backends backends = Backends.get();
        for (String service : Backends.LIVE) {
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri",
                    () -> backends.uri(service).toString());
        }
        registry.add("spring.cloud.discovery.client.simple.instances." + Backends.DOWN + "[0].uri",
                () -> backends.uri(Backends.DOWN).toString());
    }

    protected WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** A client for actuator, which is not on the public port. */
    protected WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    protected Backends backends() {
        return Backends.get();
    }
}
