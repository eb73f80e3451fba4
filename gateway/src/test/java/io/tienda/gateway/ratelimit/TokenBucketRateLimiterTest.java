package io.tienda.gateway.ratelimit;

import io.lettuce.core.cluster.RedisClusterClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tienda.platform.testing.Infra;
import io.tienda.platform.testing.infra.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket script against a real redis-server, and the fail-open paths against a missing and a hung one. */
class TokenBucketRateLimiterTest {

    /** Counting tests must not depend on a loaded CI machine answering within production's 250 ms. */
    private static final Duration ROOMY = Duration.ofSeconds(5);

    private final TestStores stores = new TestStores();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void allowsTheBurstThenRefusesWithTheWaitForTheNextToken() {
        RedisServer server = Infra.redis();
        TokenBucketRateLimiter limiter = limiter(server.host(), server.port(),
                new RateLimitProperties.Policy(3, Duration.ofMinutes(1), null), ROOMY);
        String key = "ip:" + UUID.randomUUID();

        for (int left = 2; left >= 0; left--) {
            Response allowed = limiter.isAllowed("route", key).block();
            assertThat(allowed.isAllowed()).isTrue();
            assertThat(allowed.getHeaders()).containsEntry("X-RateLimit-Remaining", String.valueOf(left))
                    .doesNotContainKey(HttpHeaders.RETRY_AFTER);
        }
        Response refused = limiter.isAllowed("route", key).block();

        assertThat(refused.isAllowed()).isFalse();
        // One token every 20 s.
        assertThat(Integer.parseInt(refused.getHeaders().get(HttpHeaders.RETRY_AFTER))).isBetween(19, 20);
        assertThat(limiter.isAllowed("route", "ip:" + UUID.randomUUID()).block().isAllowed())
                .as("another key has its own bucket").isTrue();
    }

    @Test
    void aBurstSmallerThanTheLimitSpreadsRequestsOut() {
        RedisServer server = Infra.redis();
        TokenBucketRateLimiter limiter = limiter(server.host(), server.port(),
                new RateLimitProperties.Policy(3600, Duration.ofHours(1), 1), ROOMY);
        String key = "user:" + UUID.randomUUID();

        assertThat(limiter.isAllowed("route", key).block().isAllowed()).isTrue();
        Response refused = limiter.isAllowed("route", key).block();

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry(HttpHeaders.RETRY_AFTER, "1");
    }

    @Test
    void sendsTheScriptAgainWhenRedisHasForgottenIt() {
        RedisServer server = Infra.redis();
        TokenBucketRateLimiter limiter = limiter(server.host(), server.port(),
                new RateLimitProperties.Policy(3, Duration.ofMinutes(1), null), ROOMY);
        String key = "ip:" + UUID.randomUUID();
        assertThat(limiter.isAllowed("route", key).block().getHeaders()).containsEntry("X-RateLimit-Remaining", "2");

        // What a restarted Redis, or SCRIPT FLUSH, leaves: no script under the SHA the limiter sends.
        try (RedisConnection connection = stores.first().getConnection()) {
            connection.scriptingCommands().scriptFlush();
        }
        Response afterFlush = limiter.isAllowed("route", key).block();

        assertThat(afterFlush.getHeaders()).containsEntry("X-RateLimit-Remaining", "1");
        assertThat(meters.get("tienda.gateway.rate_limit.fail_open").counter().count())
                .as("the bucket was read, not skipped").isZero();
    }

    @Test
    void failsOpenWhenTheConfiguredRedisIsACluster() {
        // The buckets need one Redis; a cluster client is refused when the store connects, not per request.
        RedisClusterClient cluster = RedisClusterClient.create("redis://127.0.0.1:1");
        try {
            BucketStore buckets = stores.add(new BucketStore(() -> cluster, Duration.ofMillis(250)));
            TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(RateTier.GENERAL,
                    new RateLimitProperties.Policy(1, Duration.ofHours(1), null), buckets, new FailOpen(meters));

            Response response = limiter.isAllowed("route", "ip:192.0.2.3").block(Duration.ofSeconds(5));

            assertThat(response.isAllowed()).isTrue();
            assertThat(response.getHeaders()).isEmpty();
            assertThat(meters.get("tienda.gateway.rate_limit.fail_open").counter().count()).isEqualTo(1);
        } finally {
            cluster.shutdown();
        }
    }

    @Test
    void failsOpenQuicklyWhenRedisIsDown() throws IOException {
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingListens = socket.getLocalPort();
        }
        TokenBucketRateLimiter limiter = limiter("127.0.0.1", nothingListens,
                new RateLimitProperties.Policy(1, Duration.ofHours(1), null), Duration.ofMillis(250));

        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            Response response = limiter.isAllowed("route", "ip:192.0.2.1").block(Duration.ofSeconds(5));
            assertThat(response.isAllowed()).isTrue();
            assertThat(response.getHeaders()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
        assertThat(meters.get("tienda.gateway.rate_limit.fail_open").counter().count()).isEqualTo(3);
    }

    @Test
    void failsOpenWithinTheTimeoutWhenRedisAcceptsButNeverAnswers() throws IOException {
        // The kernel completes the TCP handshake for a listening socket nobody reads: a hung Redis.
        try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            TokenBucketRateLimiter limiter = limiter("127.0.0.1", hung.getLocalPort(),
                    new RateLimitProperties.Policy(1, Duration.ofHours(1), null), Duration.ofMillis(300));

            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                Response response = limiter.isAllowed("route", "ip:192.0.2.2").block(Duration.ofSeconds(5));
                assertThat(response.isAllowed()).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
            }
        }
    }

    @Test
    void defaultsAreTheDocumentedBudgetsAndAPartialOverrideKeepsTheRest() {
        RateLimitProperties defaults = new RateLimitProperties(null, null, null, null, null, null, null);
        assertThat(defaults.policy(RateTier.GENERAL)).isEqualTo(new RateLimitProperties.Policy(1000, Duration.ofHours(1), null));
        assertThat(defaults.policy(RateTier.AUTH)).isEqualTo(new RateLimitProperties.Policy(5, Duration.ofMinutes(1), null));
        assertThat(defaults.policy(RateTier.SEARCH)).isEqualTo(new RateLimitProperties.Policy(100, Duration.ofMinutes(1), null));
        assertThat(defaults.policy(RateTier.ADMIN)).isEqualTo(new RateLimitProperties.Policy(500, Duration.ofHours(1), null));

        assertThat(RateTier.values()).as("login attempts and staff work are decided by Redis, request by request")
                .allSatisfy(tier -> assertThat(defaults.exact(tier)).isEqualTo(tier == RateTier.AUTH || tier == RateTier.ADMIN));

        RateLimitProperties tuned = new RateLimitProperties(true, null,
                Map.of(RateTier.AUTH, new RateLimitProperties.Policy(10, null, 3)), null, null, null, null);
        assertThat(tuned.policy(RateTier.AUTH)).isEqualTo(new RateLimitProperties.Policy(10, Duration.ofMinutes(1), 3));
        assertThat(tuned.policy(RateTier.AUTH).capacity()).isEqualTo(3);
        assertThat(tuned.policy(RateTier.GENERAL).capacity()).isEqualTo(1000);

        RateLimitProperties everyRequest = new RateLimitProperties(null, null, null, Duration.ZERO, null, null, null);
        assertThat(RateTier.values()).as("no settling: Redis decides every tier")
                .allSatisfy(tier -> assertThat(everyRequest.exact(tier)).isTrue());
    }

    private TokenBucketRateLimiter limiter(String host, int port, RateLimitProperties.Policy policy, Duration timeout) {
        return new TokenBucketRateLimiter(RateTier.GENERAL, policy, stores.store(host, port, timeout), new FailOpen(meters));
    }
}
