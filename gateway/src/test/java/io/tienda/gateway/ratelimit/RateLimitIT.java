package io.tienda.gateway.ratelimit;

import io.tienda.gateway.GatewayIT;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.tienda.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Against real Redis: the auth tier allows 5 requests a minute per client IP. */
class RateLimitIT extends GatewayIT {

    @Test
    void theSixthLoginAttemptInAMinuteIsA429ProblemWithRetryAfter() {
        String client = randomClientIp();
        String path = "/api/v1/auth/login/" + UUID.randomUUID();
        for (int attempt = 1; attempt <= 5; attempt++) {
            client().post().uri(path).header("X-Forwarded-For", client).bodyValue("{}").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", String.valueOf(5 - attempt));
        }

        var refused = client().post().uri(path).header("X-Forwarded-For", client).bodyValue("{}").exchange();
        refused.expectHeader().value(HttpHeaders.RETRY_AFTER,
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 12));
        JsonNode problem = assertProblem(refused, 429, "rate-limited", path);
        assertThat(problem.path("detail").asString()).contains("retry after");

        assertThat(backends().at(path)).as("refused requests cost the service nothing").hasSize(5);

        // Another client has a bucket of its own.
        client().post().uri(path).header("X-Forwarded-For", randomClientIp()).bodyValue("{}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void aTokenDoesNotBuyMoreLoginAttempts() {
        String client = randomClientIp();
        String path = "/api/v1/auth/refresh";
        for (int attempt = 1; attempt <= 5; attempt++) {
            String fresh = TestTokens.token("user-" + UUID.randomUUID());
            client().post().uri(path).header("X-Forwarded-For", client)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + fresh).exchange()
                    .expectStatus().isOk();
        }
        assertProblem(client().post().uri(path).header("X-Forwarded-For", client)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token("yet-another")).exchange(),
                429, "rate-limited", path);
    }

    @Test
    void searchHasItsOwnLargerBudget() {
        String client = randomClientIp();
        client().get().uri("/api/v1/search?q=shoes").header("X-Forwarded-For", client).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "99");
        client().get().uri("/api/v1/products").header("X-Forwarded-For", client).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "999");
    }

    private static String randomClientIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
