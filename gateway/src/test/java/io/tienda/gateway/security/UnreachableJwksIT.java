package io.tienda.gateway.security;

import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static io.tienda.gateway.ProblemAssertions.assertProblem;

/**
 * A gateway that has never seen user-service's keys and cannot fetch them: a token cannot be
 * judged, so the answer is 503 (try again), not 401 (log in again). Its own small context on
 * purpose: the shared one has long fetched the keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tienda.rate-limit.enabled=false",
        "tienda.security.jwks-timeout=1s"
})
class UnreachableJwksIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void deadJwks(DynamicPropertyRegistry registry) {
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingListens = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("tienda.security.jwks-uri", () -> "http://127.0.0.1:" + nothingListens + "/.well-known/jwks.json");
    }

    @Test
    void aTokenThatCannotBeVerifiedIsA503Problem() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        String path = "/api/v1/orders/42";

        for (int attempt = 0; attempt < 2; attempt++) {
            assertProblem(client.get().uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token("alice", "CUSTOMER")).exchange(),
                    503, "service-unavailable", path);
        }
    }
}
