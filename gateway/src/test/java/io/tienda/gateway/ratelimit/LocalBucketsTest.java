package io.tienda.gateway.ratelimit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tienda.platform.testing.Infra;
import io.tienda.platform.testing.infra.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** A replica's own copies of the buckets, settled with a real redis-server. */
class LocalBucketsTest {

    /** Five a minute: a token every 12 s, so nothing refills noticeably while a test runs. */
    private static final RateLimitProperties.Policy FIVE_A_MINUTE = new RateLimitProperties.Policy(5, Duration.ofMinutes(1), null);
    private static final Duration ROOMY = Duration.ofSeconds(5);

    private final TestStores stores = new TestStores();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FailOpen failures = new FailOpen(meters);

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void aReplicaDecidesFromItsCopyAndReportsWhatItSpent() {
        BucketStore store = redis();
        LocalBuckets replica = replica(store, FIVE_A_MINUTE, Duration.ofMinutes(1), 1000);
        String client = "ip:" + UUID.randomUUID();

        assertThat(List.of(replica.take(client), replica.take(client), replica.take(client)))
                .extracting(LocalBuckets.Taken::left).containsExactly(4L, 3L, 2L);
        assertThat(tokensInRedis(client)).as("nothing asked of Redis per request").isNull();

        replica.settle().join();

        assertThat(tokensLeft(client)).isCloseTo(2, within(0.1));
        replica.settle().join();
        assertThat(tokensLeft(client)).as("a spend is reported once").isCloseTo(2, within(0.1));
    }

    @Test
    void twoReplicasShareOneBudgetAndWhatTheyOverspendIsPaidBack() {
        BucketStore store = redis();
        LocalBuckets first = replica(store, FIVE_A_MINUTE, Duration.ofMinutes(1), 1000);
        LocalBuckets second = replica(store, FIVE_A_MINUTE, Duration.ofMinutes(1), 1000);
        String client = "ip:" + UUID.randomUUID();

        for (int i = 0; i < 3; i++) {
            assertThat(first.take(client).allowed()).isTrue();
        }
        first.settle().join();
        assertThat(second.take(client).left()).as("the second replica has not heard yet").isEqualTo(4);
        second.settle().join();

        // Redis' answer is now the second replica's copy: 5 - 3 - 1.
        LocalBuckets.Taken last = second.take(client);
        assertThat(last.allowed()).isTrue();
        assertThat(last.left()).isZero();
        LocalBuckets.Taken refused = second.take(client);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.waitMillis()).isBetween(11_000L, 12_000L);

        // The first replica still thinks 2 are left, and spends them: the overshoot a settlement interval allows.
        assertThat(first.take(client).allowed()).isTrue();
        assertThat(first.take(client).allowed()).isTrue();
        first.settle().join();
        second.settle().join();

        assertThat(tokensLeft(client)).as("the two over the budget are owed").isCloseTo(-2, within(0.1));
        // The first replica heard -1 when it reported, before the second reported its last one.
        LocalBuckets.Taken owing = first.take(client);
        assertThat(owing.allowed()).isFalse();
        assertThat(owing.waitMillis()).as("two tokens to refill before the next request").isBetween(23_000L, 24_000L);
    }

    @Test
    void concurrentRequestsNeverTakeMoreThanTheBucketHolds() throws Exception {
        BucketStore store = redis();
        LocalBuckets replica = replica(store, new RateLimitProperties.Policy(100, Duration.ofHours(1), null),
                Duration.ofMinutes(1), 1000);
        String client = "ip:" + UUID.randomUUID();
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Void>> requests = new ArrayList<>();
            for (int thread = 0; thread < 64; thread++) {
                requests.add(() -> {
                    for (int i = 0; i < 10; i++) {
                        if (replica.take(client).allowed()) {
                            allowed.incrementAndGet();
                        }
                        if (i % 3 == 0) {
                            replica.settle();
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(requests)) {
                done.get();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(allowed).as("640 requests at once from one client, 100 tokens").hasValue(100);

        awaitSettled(replica);
        assertThat(tokensLeft(client)).as("every token spent reported, once").isCloseTo(0, within(0.1));
    }

    @Test
    void manyClientsAreReportedInSeveralCalls() {
        BucketStore store = redis();
        LocalBuckets replica = replica(store, FIVE_A_MINUTE, Duration.ofMinutes(1), 10_000);
        String prefix = "ip:" + UUID.randomUUID() + ":";
        int clients = LocalBuckets.MOST_PER_CALL * 2 + 7;
        for (int i = 0; i < clients; i++) {
            replica.take(prefix + i);
        }

        replica.settle().join();

        for (int i : List.of(0, LocalBuckets.MOST_PER_CALL, clients - 1)) {
            assertThat(tokensLeft(prefix + i)).isCloseTo(4, within(0.1));
        }
        assertThat(meters.get("tienda.gateway.rate_limit.unsettled").counter().count()).isZero();
    }

    @Test
    void clientsBeyondTheMostCopiesAreDecidedByRedis() {
        BucketStore store = redis();
        LocalBuckets replica = replica(store, FIVE_A_MINUTE, Duration.ofMinutes(1), 2);
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(RateTier.GENERAL, FIVE_A_MINUTE, store, failures, replica);
        String first = "ip:" + UUID.randomUUID();
        String second = "ip:" + UUID.randomUUID();
        String third = "ip:" + UUID.randomUUID();

        assertThat(limiter.isAllowed("route", first).block().getHeaders()).containsEntry("X-RateLimit-Remaining", "4");
        assertThat(limiter.isAllowed("route", second).block().getHeaders()).containsEntry("X-RateLimit-Remaining", "4");
        assertThat(tokensInRedis(first)).as("decided here").isNull();

        assertThat(limiter.isAllowed("route", third).block().getHeaders()).containsEntry("X-RateLimit-Remaining", "4");
        assertThat(limiter.isAllowed("route", third).block().getHeaders()).containsEntry("X-RateLimit-Remaining", "3");
        assertThat(tokensLeft(third)).as("decided by Redis").isCloseTo(3, within(0.1));
        assertThat(replica.size()).isEqualTo(2);
        assertThat(limiter.isAllowed("route", first).block().getHeaders())
                .as("a client with a copy keeps it").containsEntry("X-RateLimit-Remaining", "3");
    }

    @Test
    void withoutRedisAReplicaStillLimitsAndCountsWhatItCouldNotReport() throws IOException {
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingListens = socket.getLocalPort();
        }
        BucketStore store = stores.store("127.0.0.1", nothingListens, Duration.ofMillis(250));
        LocalBuckets replica = replica(store, new RateLimitProperties.Policy(2, Duration.ofHours(1), null),
                Duration.ofMinutes(1), 1000);

        assertThat(replica.take("ip:192.0.2.9").allowed()).isTrue();
        assertThat(replica.take("ip:192.0.2.9").allowed()).isTrue();
        assertThat(replica.take("ip:192.0.2.9").allowed()).isFalse();
        replica.settle().orTimeout(5, TimeUnit.SECONDS).join();

        assertThat(meters.get("tienda.gateway.rate_limit.unsettled").counter().count()).isEqualTo(2);
        assertThat(replica.take("ip:192.0.2.9").allowed()).as("the copy still holds the limit").isFalse();
    }

    @Test
    void whatRedisDidNotTakeIsReportedOnceItIsBack() {
        RedisServer server = Infra.redis();
        BucketStore store = stores.store(server.host(), server.port(), Duration.ofMillis(500));
        LocalBuckets replica = replica(store, FIVE_A_MINUTE, Duration.ofMinutes(1), 1000);
        String client = "ip:" + UUID.randomUUID();
        replica.take(client);
        replica.take(client);
        replica.take(client);

        server.whileStopped(() -> replica.settle().orTimeout(5, TimeUnit.SECONDS).join());
        assertThat(meters.get("tienda.gateway.rate_limit.unsettled").counter().count()).isEqualTo(3);
        replica.take(client);

        // the client reconnects by itself; until it has, a settlement fails and is made again
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            replica.settle().orTimeout(5, TimeUnit.SECONDS).join();
            return tokensInRedis(client) != null;
        });
        assertThat(tokensLeft(client)).as("the outage's three and the one after it, once").isCloseTo(1, within(0.1));
        awaitSettled(replica);
        assertThat(tokensLeft(client)).isCloseTo(1, within(0.1));
    }

    @Test
    void idleCopiesAreLetGoOnceReported() {
        BucketStore store = redis();
        LocalBuckets replica = replica(store, FIVE_A_MINUTE, Duration.ZERO, 1000);
        replica.take("ip:" + UUID.randomUUID());
        replica.take("ip:" + UUID.randomUUID());

        replica.forgetIdle();
        assertThat(replica.size()).as("spending not yet reported is kept").isEqualTo(2);

        replica.settle().join();
        replica.forgetIdle();
        assertThat(replica.size()).isZero();
    }

    private BucketStore redis() {
        RedisServer server = Infra.redis();
        return stores.store(server.host(), server.port(), ROOMY);
    }

    private LocalBuckets replica(BucketStore store, RateLimitProperties.Policy policy, Duration idle, int most) {
        return new LocalBuckets(RateTier.GENERAL, policy, store, failures, idle, most);
    }

    private static void awaitSettled(LocalBuckets replica) {
        // A settlement started by a request thread may still be under way; the next one reports the rest.
        replica.settle().orTimeout(5, TimeUnit.SECONDS).join();
        replica.settle().orTimeout(5, TimeUnit.SECONDS).join();
    }

    private double tokensLeft(String client) {
        return Double.parseDouble(tokensInRedis(client));
    }

    private String tokensInRedis(String client) {
        try (RedisConnection connection = stores.first().getConnection()) {
            byte[] tokens = connection.hashCommands().hGet(
                    (TokenBucketRateLimiter.KEY_PREFIX + "general:" + client).getBytes(StandardCharsets.UTF_8),
                    "tokens".getBytes(StandardCharsets.UTF_8));
            return tokens == null ? null : new String(tokens, StandardCharsets.UTF_8);
        }
    }
}
