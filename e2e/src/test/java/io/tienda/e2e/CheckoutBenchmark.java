package io.tienda.e2e;

import io.tienda.e2e.Checkouts.Placed;
import io.tienda.e2e.Checkouts.Product;
import io.tienda.e2e.Checkouts.Shopper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checkouts per second through the gateway and the whole saga, printed, never asserted against a
 * time: {@code ./mvnw -pl e2e verify -Pbench -Dit.test=CheckoutBenchmark
 * -Dtienda.e2e.base-url=http://localhost:8080}. A manager puts a product with plenty of stock on
 * sale; {@code bench.clients} shoppers (8), each with their own account, check out
 * {@code bench.checkouts} times each (10): add one unit to the cart, {@code POST /api/v1/orders},
 * poll the order every {@code bench.poll-ms} (100) until it is final, then wait for cart-service to
 * empty the cart (order.confirmed) before the next round. It prints the cycles per second sustained,
 * the time from the POST to the poll that saw CONFIRMED (p50/p95/p99, so up to one poll interval
 * late) and the count of each final status. A signed-in shopper's general budget at the gateway is
 * 1000 requests an hour, about 40 checkouts at the default poll interval.
 */
@ExtendWith(Fleet.class)
class CheckoutBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int CHECKOUTS = Integer.getInteger("bench.checkouts", 10);
    private static final Duration POLL = Duration.ofMillis(Long.getLong("bench.poll-ms", 100));
    /**
     * How the shoppers learn that their order is final: by default as a checkout page does, each read
     * waiting for the next change (If-None-Match, {@code Prefer: wait}); with {@code -Dbench.polling=true},
     * by reading again every {@code bench.poll-ms}, to compare.
     */
    private static final boolean POLLING = Boolean.getBoolean("bench.polling");
    private static final Duration FINAL_WITHIN = Duration.ofMinutes(2);
    private static final String VISA = "pm_card_visa";

    private final List<Long> toConfirmed = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong posts = new AtomicLong();

    @Test
    void checkoutsPerSecondAndTimeFromPostToConfirmed() throws Exception {
        Product product = Checkouts.productWithStock("BENCH-CHK", CLIENTS * (CHECKOUTS + 1) + 20);
        List<Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Shopper shopper = Checkouts.newShopper();
            Api.Reply shipTo = Checkouts.call("PUT", "/api/v1/cart/shipping-address",
                    "{\"country\":\"ES\",\"postcode\":\"28013\"}", shopper.token());
            assertThat(shipTo.status()).as(shipTo.body()).isEqualTo(200);
            shoppers.add(shopper);
        }

        // one round to warm every path up (JIT, connection pools, consumer assignments); not counted
        Load.run("warm-up", CLIENTS, 1, (client, i) -> checkout(shoppers.get(client), product.sku(), false));

        Load.Result cycles = Load.run("checkout", CLIENTS, CHECKOUTS,
                (client, i) -> checkout(shoppers.get(client), product.sku(), true));
        Load.Result confirmed = new Load.Result("POST→CONFIRMED", List.copyOf(toConfirmed), cycles.elapsed());

        System.out.printf("%n== checkout benchmark through the gateway: %d shoppers x %d checkouts of 1 unit "
                + "(add → POST /api/v1/orders → %s until final) ==%n", CLIENTS, CHECKOUTS,
                POLLING ? "poll every " + POLL.toMillis() + " ms" : "reads that wait for each change");
        System.out.printf("checkouts       %6.1f/s sustained (%d in %.1f s; whole cycle p50 %d ms, p95 %d ms)%n",
                cycles.perSecond(), cycles.count(), cycles.elapsed().toNanos() / 1e9, cycles.percentileMillis(0.50),
                cycles.percentileMillis(0.95));
        if (confirmed.count() > 0) {
            System.out.printf("POST→CONFIRMED  p50 %d ms  p95 %d ms  p99 %d ms  (%d confirmed, %.1f/s)%n",
                    confirmed.percentileMillis(0.50), confirmed.percentileMillis(0.95), confirmed.percentileMillis(0.99),
                    confirmed.count(), confirmed.perSecond());
        }
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((outcome, count) -> counts.put(outcome, count.get()));
        System.out.println("final status    " + counts + "; " + posts.get() + " POSTs for " + cycles.count()
                + " checkouts (the rest retried after a \"try again\" answer)");

        assertThat(cycles.count()).isEqualTo(CLIENTS * CHECKOUTS);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(CLIENTS * CHECKOUTS);
    }

    /** One cycle of one shopper; what it ended with is counted, never thrown, so one refusal does not end the run. */
    private void checkout(Shopper shopper, String sku, boolean counted) {
        String outcome = cycle(shopper, sku, counted);
        if (counted) {
            outcomes.computeIfAbsent(outcome, key -> new AtomicLong()).incrementAndGet();
        }
    }

    private String cycle(Shopper shopper, String sku, boolean counted) {
        Api.Reply added = Checkouts.addToCart(shopper, sku, 1);
        if (added.status() != 200) {
            return "add refused " + added.status();
        }
        Placed placed = Checkouts.placeOrder(shopper, "bench-" + UUID.randomUUID(), VISA);
        if (counted) {
            posts.addAndGet(placed.attempts());
        }
        if (!placed.accepted()) {
            // leave the cart as it was found for the next round
            Checkouts.call("DELETE", "/api/v1/cart", null, shopper.token());
            return "refused " + placed.status() + " " + placed.problem();
        }
        String status;
        if (POLLING) {
            try {
                status = await().atMost(FINAL_WITHIN).pollDelay(Duration.ZERO).pollInterval(POLL)
                        .until(() -> Checkouts.status(shopper, placed.orderId()), Checkouts::isFinal);
            } catch (ConditionTimeoutException notFinal) {
                return "not final after " + FINAL_WITHIN.toSeconds() + " s";
            }
        } else {
            JsonNode order = Checkouts.awaitFinal(shopper, placed.orderId(), FINAL_WITHIN);
            if (order == null) {
                return "not final after " + FINAL_WITHIN.toSeconds() + " s";
            }
            status = order.get("status").asString();
        }
        long elapsed = System.nanoTime() - placed.postedAtNanos();
        if (!status.equals("CONFIRMED")) {
            Checkouts.call("DELETE", "/api/v1/cart", null, shopper.token());
            return status;
        }
        if (counted) {
            toConfirmed.add(elapsed);
        }
        try {
            // cart-service takes the ordered unit out when order.confirmed reaches it
            await().atMost(Checkouts.EVENTUALLY).pollDelay(Duration.ZERO).pollInterval(POLL)
                    .until(() -> itemCount(shopper) == 0);
        } catch (ConditionTimeoutException stillFull) {
            Checkouts.call("DELETE", "/api/v1/cart", null, shopper.token());
            return "CONFIRMED, cart not emptied";
        }
        return status;
    }

    private static int itemCount(Shopper shopper) {
        Api.Reply cart = Checkouts.call("GET", "/api/v1/cart", null, shopper.token());
        if (cart.status() != 200) {
            return -1;
        }
        JsonNode count = cart.json().get("itemCount");
        return count == null ? -1 : count.asInt();
    }
}
