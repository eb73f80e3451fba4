package io.tienda.gateway.ratelimit;

import io.tienda.gateway.GatewayIT;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.tienda.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Against real Redis: staff work draws from a bucket of 500 an hour per user, apart from the user's other tiers. */
class AdminRateLimitIT extends GatewayIT {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void staffEndpointsDrawFromTheAdminBucketOfTheUser() {
        String admin = "admin-" + UUID.randomUUID();
        String token = TestTokens.token(admin, "ADMIN");

        send(HttpMethod.PATCH, "/api/v1/users/" + UUID.randomUUID(), token).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "499");
        send(HttpMethod.GET, "/api/v1/users", token).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "498");
        send(HttpMethod.GET, "/api/v1/users/" + UUID.randomUUID() + "/orders", token).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "497");

        assertThat(redis.hasKey("tienda:rate-limit:admin:user:" + admin).block()).isTrue();
    }

    @Test
    void theCallersOwnAccountAndOtherAreasStayInTheGeneralTier() {
        String manager = "manager-" + UUID.randomUUID();
        String token = TestTokens.token(manager, "MANAGER");

        send(HttpMethod.GET, "/api/v1/users/me", token).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "999");
        send(HttpMethod.PATCH, "/api/v1/users/me", token).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "998");
        send(HttpMethod.GET, "/api/v1/orders", token).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "997");

        assertThat(redis.hasKey("tienda:rate-limit:admin:user:" + manager).block()).isFalse();
    }

    @Test
    void aCustomerReadingTheirAccountByIdStaysGeneralWhileSupportReadingItIsAdmin() {
        String customer = "customer-" + UUID.randomUUID();
        String path = "/api/v1/users/" + customer;

        send(HttpMethod.GET, path, TestTokens.token(customer, "CUSTOMER")).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "999");
        send(HttpMethod.GET, path, TestTokens.token("support-" + UUID.randomUUID(), "SUPPORT")).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "499");
    }

    @Test
    void keyRotationIsAdminWorkNotALoginAttempt() {
        String client = randomClientIp();
        String admin = "admin-" + UUID.randomUUID();

        client().post().uri("/api/v1/auth/keys/rotate").header("X-Forwarded-For", client)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(admin, "ADMIN")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "499");
        client().post().uri("/api/v1/auth/login").header("X-Forwarded-For", client).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "4");
    }

    @Test
    void anonymousCallsToStaffEndpointsAreLimitedByAddress() {
        String client = randomClientIp();

        client().get().uri("/api/v1/users").header("X-Forwarded-For", client).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "499");

        assertThat(redis.hasKey("tienda:rate-limit:admin:ip:" + client).block()).isTrue();
    }

    @Test
    void overTheAdminBudgetIsA429ProblemWithRetryAfterWhileTheGeneralTierStillServes() {
        String admin = "admin-" + UUID.randomUUID();
        String token = TestTokens.token(admin, "ADMIN");
        // 500 requests an hour refill one every 7.2 s; an emptied bucket saves sending 500 of them.
        redis.opsForHash().putAll("tienda:rate-limit:admin:user:" + admin,
                Map.of("tokens", "0", "ts", Long.toString(System.currentTimeMillis()))).block();
        String path = "/api/v1/users/" + UUID.randomUUID();

        var refused = send(HttpMethod.PATCH, path, token);
        refused.expectHeader().value(HttpHeaders.RETRY_AFTER,
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 8));
        assertProblem(refused, 429, "rate-limited", path);
        assertThat(backends().at(path)).as("refused requests cost the service nothing").isEmpty();

        send(HttpMethod.GET, "/api/v1/users/me", token).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec send(HttpMethod method, String path, String token) {
        return client().method(method).uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private static String randomClientIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
