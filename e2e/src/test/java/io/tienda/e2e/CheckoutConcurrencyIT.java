package io.tienda.e2e;

import io.tienda.e2e.Accounts.Account;
import io.tienda.e2e.Checkouts.Placed;
import io.tienda.e2e.Checkouts.Product;
import io.tienda.e2e.Checkouts.Shopper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No oversell, through the whole fleet (DESIGN.md §6 invariants): a manager puts exactly 5 units of a
 * new SKU on sale and 50 shoppers, each with their own account, cart, Idempotency-Key and client
 * address, check out one unit each at the same moment. Exactly 5 orders are confirmed and paid once
 * each; every other order is rejected or cancelled and no money is taken for it; the stock ends at 0
 * with nothing left reserved. Shoppers whom cart-service already turns away as sold out (it learns
 * of the stock from inventory's events, so only once units are reserved) have no order at all.
 */
@ExtendWith(Fleet.class)
class CheckoutConcurrencyIT {

    private static final int UNITS = 5;
    private static final int SHOPPERS = 50;
    /** Every saga step has a deadline of 30–60 s and is retried; the slowest order is final well within this. */
    private static final Duration SETTLED = Duration.ofMinutes(4);

    @Test
    void fiftyShoppersRacingForFiveUnitsBuyExactlyFiveAndOnlyThoseArePaid() throws Exception {
        Product product = Checkouts.productWithStock("RACE", UNITS);
        String sku = product.sku();
        List<Shopper> shoppers = inParallel(8, nCopies(SHOPPERS), ignored -> Checkouts.newShopper());

        // everyone puts one unit in their cart; nothing is reserved yet, so nobody is turned away here
        List<Api.Reply> carts = inParallel(8, shoppers, shopper -> Checkouts.fillCart(shopper, sku, 1));
        Map<Shopper, String> refusedBeforeOrdering = new LinkedHashMap<>();
        List<Shopper> ready = new ArrayList<>();
        for (int i = 0; i < SHOPPERS; i++) {
            if (carts.get(i).status() == 200) {
                ready.add(shoppers.get(i));
            } else {
                refusedBeforeOrdering.put(shoppers.get(i), carts.get(i).status() + " " + carts.get(i).body());
            }
        }

        // and then they all press "pay" at once
        Map<Shopper, Placed> placed = race(ready, sku);

        Map<Shopper, Placed> orders = new LinkedHashMap<>();
        List<String> otherRefusals = new ArrayList<>();
        placed.forEach((shopper, outcome) -> {
            if (outcome.accepted()) {
                orders.put(shopper, outcome);
            } else if (outcome.soldOut()) {
                refusedBeforeOrdering.put(shopper, outcome.status() + " " + outcome.problem());
            } else {
                otherRefusals.add(outcome.status() + " " + outcome.problem());
            }
        });
        assertThat(otherRefusals).as("checkouts refused for another reason than the SKU being sold out").isEmpty();

        // every order ends CONFIRMED, REJECTED or CANCELLED; none stays PENDING
        Map<String, String> statuses = new ConcurrentHashMap<>();
        await("every order final").atMost(SETTLED).pollInterval(Duration.ofSeconds(1)).until(() -> {
            orders.forEach((shopper, order) -> {
                if (!Checkouts.isFinal(statuses.get(order.orderId()))) {
                    String status = Checkouts.status(shopper, order.orderId());
                    if (status != null) {
                        statuses.put(order.orderId(), status);
                    }
                }
            });
            return statuses.size() == orders.size() && statuses.values().stream().allMatch(Checkouts::isFinal);
        });
        Map<String, Long> byStatus = statuses.values().stream()
                .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        long retried = placed.values().stream().filter(outcome -> outcome.attempts() > 1).count();
        int posts = placed.values().stream().mapToInt(Placed::attempts).sum();
        System.out.printf("%n== %d shoppers for %d units of %s: %s, %d refused before ordering (sold out); "
                + "%d checkouts needed a retry (%d POSTs for %d checkouts) ==%n", SHOPPERS, UNITS, sku, byStatus,
                refusedBeforeOrdering.size(), retried, posts, placed.size());

        assertThat(placed.values().stream().mapToInt(Placed::serverErrors).sum())
                .as("5xx answers to the racing checkouts (a busy fleet must queue or refuse, never fail)").isZero();
        assertThat(byStatus.getOrDefault("CONFIRMED", 0L)).as("confirmed orders: exactly the units there were")
                .isEqualTo(UNITS);
        assertThat(orders.size() + refusedBeforeOrdering.size()).as("every shopper accounted for").isEqualTo(SHOPPERS);

        // the stock: all sold, nothing left held by a reservation, never below zero
        String manager = Accounts.session(Account.MANAGER).accessToken();
        await("the stock settles").atMost(Checkouts.EVENTUALLY).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(Checkouts.available(sku)).as("public availability").isZero();
            JsonNode row = Checkouts.stock(sku, manager).orElseThrow();
            assertThat(row.get("reserved").asInt()).as("units still reserved").isZero();
            assertThat(row.get("onHand").asInt()).as("units on hand").isZero();
        });

        // the money: one capture per confirmed order, nothing taken for any other
        orders.forEach((shopper, order) -> {
            String status = statuses.get(order.orderId());
            if (status.equals("CONFIRMED")) {
                await("the capture of " + order.orderId()).atMost(Checkouts.EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            List<JsonNode> payments = Checkouts.payments(shopper, order.orderId());
                            assertThat(Checkouts.paymentsIn(payments, Set.of("CAPTURED"))).as(payments.toString())
                                    .isEqualTo(1);
                            assertThat(Checkouts.paymentsIn(payments, Checkouts.CHARGED)).as(payments.toString())
                                    .isEqualTo(1);
                        });
            } else {
                // none, a declined one, or a hold given back; never money taken
                await("the payments of " + status + " order " + order.orderId()).atMost(Checkouts.EVENTUALLY)
                        .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                            List<JsonNode> payments = Checkouts.payments(shopper, order.orderId());
                            assertThat(Checkouts.paymentsIn(payments, Checkouts.CHARGED)).as(payments.toString()).isZero();
                            assertThat(payments).as(payments.toString())
                                    .allMatch(p -> Set.of("VOIDED", "FAILED").contains(p.get("status").asString()));
                        });
            }
        });
    }

    /** Every shopper checks out at the same moment, each with their own Idempotency-Key. */
    private static Map<Shopper, Placed> race(List<Shopper> shoppers, String sku) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, shoppers.size()));
        try {
            Map<Shopper, Future<Placed>> running = new LinkedHashMap<>();
            for (Shopper shopper : shoppers) {
                running.put(shopper, pool.submit(() -> {
                    go.await();
                    return Checkouts.placeOrder(shopper, "race-" + sku + "-" + UUID.randomUUID(), "pm_card_visa");
                }));
            }
            go.countDown();
            Map<Shopper, Placed> placed = new LinkedHashMap<>();
            for (Map.Entry<Shopper, Future<Placed>> entry : running.entrySet()) {
                placed.put(entry.getKey(), entry.getValue().get());
            }
            return placed;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> nCopies(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    /** {@code work} over every input on a few threads; the answers in the inputs' order. */
    private static <T, R> List<R> inParallel(int threads, List<T> inputs, Function<T, R> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                Callable<R> task = () -> work.apply(input);
                futures.add(pool.submit(task));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
