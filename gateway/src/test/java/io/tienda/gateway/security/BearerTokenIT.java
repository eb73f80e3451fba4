package io.tienda.gateway.security;

import io.tienda.gateway.GatewayIT;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.tienda.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BearerTokenIT extends GatewayIT {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void aValidTokenPassesThroughAndTheRateLimitKeysOnTheUser() {
        String user = "shopper-" + UUID.randomUUID();
        String token = TestTokens.token(user, "CUSTOMER");
        String path = "/api/v1/cart/" + UUID.randomUUID();

        client().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk();

        assertThat(backends().at(path)).singleElement().satisfies(received ->
                assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token));
        // The general tier is settled with Redis within moments (LocalBuckets).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(redis.hasKey("tienda:rate-limit:general:user:" + user).block()).isTrue());
    }

    @Test
    void anonymousRequestsPassAndAreLimitedByAddress() {
        String path = "/api/v1/products/" + UUID.randomUUID();

        client().get().uri(path).header("X-Forwarded-For", "192.0.2.77").exchange().expectStatus().isOk();

        assertThat(backends().at(path)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(redis.hasKey("tienda:rate-limit:general:ip:192.0.2.77").block()).isTrue());
    }

    @Test
    void anInvalidTokenIsA401ProblemAndNeverReachesTheService() {
        Map<String, String> invalid = Map.of(
                "garbage", "not-a-jwt",
                "unknown key", TestTokens.builder("mallory", "ADMIN").foreignKey().sign(),
                "expired", TestTokens.builder("alice", "CUSTOMER").expiresAt(Instant.now().minusSeconds(300)).sign(),
                "wrong audience", TestTokens.builder("alice", "CUSTOMER").audience("someone-else").sign(),
                "wrong issuer", TestTokens.builder("alice", "CUSTOMER").issuer("https://evil.example").sign());
        invalid.forEach((why, token) -> {
            String path = "/api/v1/orders/" + UUID.randomUUID();
            var response = client().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
            response.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                    challenge -> assertThat(challenge).as(why).startsWith("Bearer").contains("invalid_token"));
            assertProblem(response, 401, "unauthorized", path);
            assertThat(backends().at(path)).as(why).isEmpty();
        });
    }
}
