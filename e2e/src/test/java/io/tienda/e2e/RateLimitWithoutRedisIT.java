package io.tienda.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis stopped under the gateway's rate limits (ADR 0005, gateway README "Redis down"): a settled
 * tier keeps limiting, the gateway replica on its own, and counts the reports Redis did not take;
 * once Redis is back they are made again, the outage's spending included. The search tier is the one
 * tried: 100 a minute.
 */
@ExtendWith(Fleet.class)
class RateLimitWithoutRedisIT {

    /** cart-service keeps its carts in Redis, and must be ready again before the next test. */
    private static final URI CART_SERVICE_URL = URI.create("http://localhost:8002");
    private static final String UNSETTLED = "tienda_gateway_rate_limit_unsettled_total";
    private static final int SEARCH_BUDGET = 100;
    private static final double SEARCH_TOKENS_PER_SECOND = SEARCH_BUDGET / 60.0;

    @Test
    void withRedisStoppedASearchBudgetStillHoldsAndItsSpendingSettlesOnceRedisIsBack() throws Exception {
        Outages.requireInfraControl();
        Api gateway = Api.gateway();
        Api management = new Api(Fleet.gatewayManagement());
        String client = randomAddress();
        double unsettledBefore = unsettled(management);

        Map<Integer, Integer> statuses = new TreeMap<>();
        long started;
        long took;
        try {
            Outages.stop("redis");
            started = System.nanoTime();
            for (int i = 0; i < SEARCH_BUDGET + 30; i++) {
                int status = search(gateway, client).status();
                statuses.merge(status, 1, Integer::sum);
            }
            took = System.nanoTime() - started;
            await("the gateway counting the spending Redis did not take").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> unsettled(management) > unsettledBefore);
        } finally {
            Outages.start("redis");
        }

        System.out.printf("%n== Redis stopped: %d searches from one address answered %s in %d ms ==%n",
                SEARCH_BUDGET + 30, statuses, Duration.ofNanos(took).toMillis());
        assertThat(statuses).as("only answers and refusals, never a server error").containsOnlyKeys(200, 429);
        // the budget, and what refilled while the requests ran
        long refilled = (long) Math.ceil(Duration.ofNanos(took).toMillis() / 1000.0 * SEARCH_TOKENS_PER_SECOND);
        assertThat(statuses.get(200)).isBetween(SEARCH_BUDGET, SEARCH_BUDGET + (int) refilled + 1);

        // Back: a search of another client each second, until one second passes with none of it left unsettled
        // (a settlement runs every 200 ms; Lettuce finds Redis again within its reconnect backoff).
        AtomicReference<Double> previous = new AtomicReference<>(Double.NaN);
        await("the gateway settling with Redis again").atMost(Outages.RESTART).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    double now = unsettled(management);
                    boolean settled = now == previous.getAndSet(now);
                    assertThat(search(gateway, randomAddress()).status()).isEqualTo(200);
                    return settled;
                });
        // What the address spent during the outage reached Redis too: its budget is still nearly spent (about
        // 1.7 searches refill a second), where a forgotten outage would have left it 99.
        Api.Reply after = search(gateway, client);
        assertThat(Integer.parseInt(after.header("X-RateLimit-Remaining"))).as("left once Redis is back, answered %d",
                after.status()).isLessThan(50);
        Outages.awaitReady(CART_SERVICE_URL);
    }

    private static Api.Reply search(Api gateway, String client) {
        return gateway.get("/api/v1/search/products?q=cafe").header("X-Forwarded-For", client).send();
    }

    /** An address of the shared address space (RFC 6598), new to the gateway's buckets. */
    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "100." + random.nextInt(64, 128) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static double unsettled(Api management) {
        String metrics = management.get("/actuator/prometheus").header("Accept", "text/plain").send().body();
        return metrics.lines()
                .filter(line -> line.startsWith(UNSETTLED + "{") || line.startsWith(UNSETTLED + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
