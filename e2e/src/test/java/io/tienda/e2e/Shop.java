package io.tienda.e2e;

import io.tienda.e2e.Accounts.Account;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shop as the system tests use it through the gateway: staff put a product with a known stock
 * on sale, shoppers sign up, fill their cart and check out, and everyone reads where things stand.
 * Every request presents its own client address so the gateway's per-IP limits stay out of the way.
 */
final class Shop {

    static final Duration EVENTUALLY = Duration.ofSeconds(60);
    static final String PASSWORD = "Shopper!2345-e2e";
    static final Set<String> FINAL = Set.of("CONFIRMED", "REJECTED", "CANCELLED");
    static final String ADDRESS = """
            {"name":"Ana García","line1":"Calle Mayor 1","city":"Madrid","postcode":"28013","country":"ES"}""";

    private Shop() {
    }

    /** A new product with one SKU and exactly {@code units} in stock, on sale once the catalog knows its stock. */
    static String productWithStock(String label, int units) {
        String manager = Accounts.session(Account.MANAGER).accessToken();
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String sku = label + "-" + tag;
        String category = call("GET", "/api/v1/categories", null, null).json().findValue("id").asString();
        Api.Reply created = call("POST", "/api/v1/products", """
                {"name":{"es":"Taza de prueba %s","en":"Test mug %s"},
                 "description":{"es":"Taza para las pruebas.","en":"A mug for the tests."},
                 "categoryId":"%s","price":{"amount":1500,"currency":"EUR"},
                 "variants":[{"sku":"%s","attributes":{"color":"blanco"}}],"active":true}
                """.formatted(tag, tag, category, sku), manager);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String productId = created.json().get("id").asString();

        // inventory registers the SKU from product.created, maybe with demo stock; bring it to exactly `units`
        int registered = await().atMost(EVENTUALLY).until(() -> stockIn("MAD-1", sku, manager), held -> held >= 0);
        int change = units - registered;
        if (change != 0) {
            String path = change > 0 ? "/api/v1/inventory/receipts" : "/api/v1/inventory/adjustments";
            String body = change > 0
                    ? "{\"sku\":\"%s\",\"warehouse\":\"MAD-1\",\"quantity\":%d,\"reference\":\"E2E-%s\"}"
                            .formatted(sku, change, tag)
                    : "{\"sku\":\"%s\",\"warehouse\":\"MAD-1\",\"quantity\":%d,\"reason\":\"CORRECTION\"}"
                            .formatted(sku, change);
            Api.Reply moved = call("POST", path, body, manager);
            assertThat(moved.status()).as(moved.body()).isBetween(200, 201);
        }
        await().atMost(EVENTUALLY).until(() -> available(sku) == units);
        if (units > 0) {
            await().atMost(EVENTUALLY).until(() -> variantInStock(productId, sku));
        }
        return sku;
    }

    /** A new customer account, signed in; answers its access token. */
    static String newShopper() {
        String email = "shopper-" + UUID.randomUUID() + "@example.com";
        Api.Reply registered = call("POST", "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Shopper\"}", null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return Accounts.login(email, PASSWORD).accessToken();
    }

    static Api.Reply addToCart(String shopper, String sku, int quantity) {
        return call("POST", "/api/v1/cart/items", "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}", shopper);
    }

    /** POST /api/v1/orders with the given key, shipping to Madrid, paying with a test payment method. */
    static Api.Reply checkout(String shopper, String idempotencyKey, String paymentMethod) {
        return Api.gateway().post("/api/v1/orders",
                        "{\"shippingAddress\":" + ADDRESS + ",\"paymentMethod\":\"" + paymentMethod + "\"}")
                .bearer(shopper).header("Idempotency-Key", idempotencyKey)
                .header("X-Forwarded-For", Accounts.randomClientAddress()).send();
    }

    static JsonNode order(String shopper, String orderId) {
        Api.Reply reply = call("GET", "/api/v1/orders/" + orderId, null, shopper);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** Waits until the order is CONFIRMED, REJECTED or CANCELLED and answers it. */
    static JsonNode finalOrder(String shopper, String orderId) {
        return await().atMost(EVENTUALLY).until(() -> order(shopper, orderId),
                order -> FINAL.contains(order.get("status").asString()));
    }

    static JsonNode payments(String shopper, String orderId) {
        Api.Reply reply = call("GET", "/api/v1/payments?orderId=" + orderId, null, shopper);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("items");
    }

    /** The public availability: over every active warehouse, 0 for a SKU inventory has not heard of. */
    static int available(String sku) {
        return call("GET", "/api/v1/inventory/" + sku, null, null).json().get("available").asInt();
    }

    static Api.Reply call(String method, String path, String body, String token) {
        Api.Call call = Api.gateway().method(method, path, body).header("X-Forwarded-For", Accounts.randomClientAddress());
        return (token == null ? call : call.bearer(token)).send();
    }

    /** What a warehouse holds of the SKU; -1 while inventory has not registered it. */
    private static int stockIn(String warehouse, String sku, String staffToken) {
        JsonNode rows = call("GET", "/api/v1/inventory?warehouse=" + warehouse + "&sku=" + sku, null, staffToken)
                .json().get("items");
        for (JsonNode row : rows) {
            if (row.get("sku").asString().equals(sku)) {
                return row.get("available").asInt();
            }
        }
        return -1;
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
