package io.tienda.e2e;

import io.tienda.e2e.Accounts.Account;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the checkout tests (concurrency, chaos, benchmark) do through the gateway: a manager puts a
 * new product with an exact stock on sale, shoppers sign up, fill their cart and check out, and
 * everyone reads orders, payments and stock. Every request presents its own client address, so the
 * gateway's per-IP limits stay out of the way; polls with a staff token are slow on purpose, since
 * a signed-in caller's general budget (1000 an hour) is per user and the demo manager is shared.
 */
final class Checkouts {

    static final Duration EVENTUALLY = Duration.ofSeconds(60);
    /** How long a checkout is retried while the fleet answers "try again". */
    static final Duration CHECKOUT_RETRIES = Duration.ofMinutes(3);
    static final String PASSWORD = "Checkout!2345-e2e";
    static final String WAREHOUSE = "MAD-1";
    static final Set<String> FINAL = Set.of("CONFIRMED", "REJECTED", "CANCELLED");
    /** How long one read of an order waits for it to change (order-service waits at most 5 s). */
    static final int WAIT_SECONDS = 5;
    /** Payments that took the money (DESIGN.md §6: at most one per order). */
    static final Set<String> CHARGED = Set.of("CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED");
    static final String ADDRESS = """
            {"name":"Ana García","line1":"Calle Mayor 1","city":"Madrid","postcode":"28013","country":"ES"}""";

    private Checkouts() {
    }

    record Product(String id, String sku) {
    }

    /** A signed-up customer, signed in. */
    record Shopper(String email, String token) {
    }

    /**
     * What {@code POST /api/v1/orders} ended with: an order id, or the refusal (status and problem type);
     * {@code attempts} counts the POSTs it took, retries after "try again" answers included, and
     * {@code serverErrors} how many of those answers were 5xx.
     */
    record Placed(String orderId, int status, String problem, long postedAtNanos, int attempts, int serverErrors) {

        boolean accepted() {
            return orderId != null;
        }

        /** cart-service saw the SKU sold out (from inventory's stock events) and refused the snapshot. */
        boolean soldOut() {
            return status == 409 && problem != null
                    && (problem.endsWith("cart-lines-sold-out") || problem.endsWith("cart-lines-unavailable"));
        }
    }

    /**
     * A new product with one SKU of which the default warehouse holds exactly {@code units}: the demo
     * stock inventory gives every new SKU is received or taken away to match. Answers once the public
     * availability says {@code units} and the catalog shows the variant in stock.
     */
    static Product productWithStock(String label, int units) {
        String manager = Accounts.session(Account.MANAGER).accessToken();
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String sku = label + "-" + tag;
        String category = call("GET", "/api/v1/categories", null, null).json().findValue("id").asString();
        Api.Reply created = call("POST", "/api/v1/products", """
                {"name":{"es":"Taza de pruebas %s","en":"Test mug %s"},
                 "description":{"es":"Una taza para las pruebas del checkout.","en":"A mug for the checkout tests."},
                 "categoryId":"%s","price":{"amount":1500,"currency":"EUR"},
                 "variants":[{"sku":"%s","attributes":{"color":"blanco"}}],"active":true}
                """.formatted(tag, tag, category, sku), manager);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String productId = created.json().get("id").asString();

        // inventory registers the SKU from product.created, with demo stock on the local fleet
        int registered = await("inventory registers " + sku).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> stock(sku, manager).map(row -> row.get("onHand").asInt()).orElse(-1), held -> held >= 0);
        int change = units - registered;
        if (change != 0) {
            String path = change > 0 ? "/api/v1/inventory/receipts" : "/api/v1/inventory/adjustments";
            String body = change > 0
                    ? "{\"sku\":\"%s\",\"warehouse\":\"%s\",\"quantity\":%d,\"reference\":\"E2E-%s\"}"
                            .formatted(sku, WAREHOUSE, change, tag)
                    : "{\"sku\":\"%s\",\"warehouse\":\"%s\",\"quantity\":%d,\"reason\":\"CORRECTION\",\"note\":\"e2e\"}"
                            .formatted(sku, WAREHOUSE, change);
            Api.Reply moved = Api.gateway().post(path, body).bearer(manager)
                    .header("Idempotency-Key", "e2e-" + UUID.randomUUID())
                    .header("X-Forwarded-For", Accounts.randomClientAddress()).send();
            assertThat(moved.status()).as(moved.body()).isBetween(200, 201);
        }
        await(sku + " available").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                .until(() -> available(sku) == units);
        if (units > 0) {
            await(sku + " in stock in the catalog").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                    .until(() -> variantInStock(productId, sku));
        }
        return new Product(productId, sku);
    }

    /** A new customer account, signed in. */
    static Shopper newShopper() {
        String email = "checkout-" + UUID.randomUUID() + "@example.com";
        Api.Reply registered = call("POST", "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Comprador\"}", null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Shopper(email, Accounts.login(email, PASSWORD).accessToken());
    }

    /** Puts the units in the shopper's cart and prices it for Madrid, as a shopper does before checking out. */
    static Api.Reply fillCart(Shopper shopper, String sku, int quantity) {
        Api.Reply added = call("POST", "/api/v1/cart/items", "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}",
                shopper.token());
        if (added.status() != 200) {
            return added;
        }
        return call("PUT", "/api/v1/cart/shipping-address", "{\"country\":\"ES\",\"postcode\":\"28013\"}", shopper.token());
    }

    static Api.Reply addToCart(Shopper shopper, String sku, int quantity) {
        return call("POST", "/api/v1/cart/items", "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}",
                shopper.token());
    }

    /**
     * {@code POST /api/v1/orders}, shipping to Madrid. An answer that says "try again" (busy cart, prices
     * not available right now, a service failing or briefly unreachable, a timeout) is retried with the
     * same Idempotency-Key, as a client does: order-service answers a replay with the same order, so a
     * retry never places a second one. Retries back off exponentially with jitter (0.5 s doubling to
     * 8 s), so that many shoppers retrying at once do not keep a struggling service down.
     */
    static Placed placeOrder(Shopper shopper, String idempotencyKey, String paymentMethod) {
        long postedAt = System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        Api.Reply reply = await("checkout of " + shopper.email()).atMost(CHECKOUT_RETRIES)
                .pollDelay(Duration.ZERO).pollInterval(Checkouts::backoff)
                .until(() -> {
                    attempts.incrementAndGet();
                    Api.Reply answer = post(shopper, idempotencyKey, paymentMethod);
                    if (answer != null && answer.status() >= 500) {
                        serverErrors.incrementAndGet();
                    }
                    return answer;
                }, answer -> !retryable(answer));
        if (reply.status() == 202) {
            return new Placed(reply.json().get("id").asString(), 202, null, postedAt, attempts.get(),
                    serverErrors.get());
        }
        return new Placed(null, reply.status(), problem(reply), postedAt, attempts.get(), serverErrors.get());
    }

    private static Duration backoff(int poll, Duration previous) {
        long base = Math.min(8_000, 500L << Math.min(4, Math.max(0, poll - 1)));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base));
    }

    private static Api.Reply post(Shopper shopper, String idempotencyKey, String paymentMethod) {
        try {
            return checkoutOnce(shopper, idempotencyKey, paymentMethod);
        } catch (IllegalStateException timeoutOrReset) {
            return null;
        }
    }

    /** One {@code POST /api/v1/orders}, shipping to Madrid, answered as it comes (no retry). */
    static Api.Reply checkoutOnce(Shopper shopper, String idempotencyKey, String paymentMethod) {
        return Api.gateway().post("/api/v1/orders",
                        "{\"shippingAddress\":" + ADDRESS + ",\"paymentMethod\":\"" + paymentMethod + "\"}")
                .bearer(shopper.token()).header("Idempotency-Key", idempotencyKey)
                .header("X-Forwarded-For", Accounts.randomClientAddress()).send();
    }

    private static boolean retryable(Api.Reply reply) {
        if (reply == null || reply.status() >= 500 || reply.status() == 429) {
            return true;
        }
        String problem = problem(reply);
        return reply.status() == 409 && problem != null
                && (problem.endsWith("cart-busy") || problem.endsWith("cart-prices-stale"));
    }

    static String problem(Api.Reply reply) {
        if (!reply.isProblem()) {
            return null;
        }
        JsonNode type = reply.json().get("type");
        return type == null ? null : type.asString();
    }

    /** The order as its owner sees it, or null while it cannot be read (a service restarting). */
    static JsonNode order(Shopper shopper, String orderId) {
        Api.Reply reply = call("GET", "/api/v1/orders/" + orderId, null, shopper.token());
        return reply.status() == 200 ? reply.json() : null;
    }

    static String status(Shopper shopper, String orderId) {
        JsonNode order = order(shopper, orderId);
        return order == null ? null : order.get("status").asString();
    }

    /** Waits until the order is CONFIRMED, REJECTED or CANCELLED and answers it. */
    static JsonNode finalOrder(Shopper shopper, String orderId) {
        JsonNode order = awaitFinal(shopper, orderId, EVENTUALLY);
        assertThat(order).as("order " + orderId + " final within " + EVENTUALLY).isNotNull();
        return order;
    }

    /**
     * The order once it is final, or null when it is not within {@code within}. It reads as a checkout
     * page would: each read names the version it has (If-None-Match) and waits for the next one
     * ({@code Prefer: wait}), so order-service answers as soon as the order changes, and an unchanged
     * order costs one read per wait instead of a poll. A read that fails (a service restarting) is
     * tried again after a pause.
     */
    static JsonNode awaitFinal(Shopper shopper, String orderId, Duration within) {
        AtomicReference<String> tag = new AtomicReference<>();
        AtomicBoolean failed = new AtomicBoolean();
        try {
            // a read that waited asks again at once; one that failed, after a pause
            return await("order " + orderId + " final").atMost(within).pollDelay(Duration.ZERO)
                    .pollInterval((poll, previous) -> Duration.ofMillis(failed.get() ? 250 : 1))
                    .until(() -> {
                        Api.Call read = Api.gateway().method("GET", "/api/v1/orders/" + orderId, null)
                                .header("X-Forwarded-For", Accounts.randomClientAddress()).bearer(shopper.token());
                        if (tag.get() != null) {
                            read.header("If-None-Match", tag.get()).header("Prefer", "wait=" + WAIT_SECONDS);
                        }
                        Api.Reply reply = read.send();
                        failed.set(reply.status() != 200 && reply.status() != 304);
                        if (reply.status() != 200) {
                            return null;
                        }
                        tag.set(reply.header("ETag"));
                        return reply.json();
                    }, order -> order != null && isFinal(order.get("status").asString()));
        } catch (ConditionTimeoutException notFinal) {
            return null;
        }
    }

    static boolean isFinal(String status) {
        return status != null && FINAL.contains(status);
    }

    /** The payments of the order, as its owner lists them. */
    static List<JsonNode> payments(Shopper shopper, String orderId) {
        Api.Reply reply = call("GET", "/api/v1/payments?orderId=" + orderId, null, shopper.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> payments = new ArrayList<>();
        reply.json().get("items").forEach(payments::add);
        return payments;
    }

    static long paymentsIn(List<JsonNode> payments, Set<String> statuses) {
        return payments.stream().filter(p -> statuses.contains(p.get("status").asString())).count();
    }

    /** The public availability: on hand minus reserved over every active warehouse. */
    static int available(String sku) {
        Api.Reply reply = call("GET", "/api/v1/inventory/" + sku, null, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("available").asInt();
    }

    /** The default warehouse's row of the SKU as staff see it ({@code onHand, reserved, available}). */
    static Optional<JsonNode> stock(String sku, String staffToken) {
        JsonNode rows = call("GET", "/api/v1/inventory?warehouse=" + WAREHOUSE + "&sku=" + sku, null, staffToken)
                .json().get("items");
        for (JsonNode row : rows) {
            if (row.get("sku").asString().equals(sku)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    static Api.Reply call(String method, String path, String body, String token) {
        Api.Call call = Api.gateway().method(method, path, body).header("X-Forwarded-For", Accounts.randomClientAddress());
        return (token == null ? call : call.bearer(token)).send();
    }

    private static boolean variantInStock(String productId, String sku) {
        for (JsonNode variant : call("GET", "/api/v1/products/" + productId, null, null).json().get("variants")) {
            if (variant.get("sku").asString().equals(sku)) {
                return variant.get("inStock").asBoolean();
            }
        }
        return false;
    }
}
