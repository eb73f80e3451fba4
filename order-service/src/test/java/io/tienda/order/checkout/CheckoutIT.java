package io.tienda.order.checkout;

import io.tienda.order.support.OrderIT;
import io.tienda.platform.testing.messaging.EventMessages.Published;
import io.tienda.order.support.Stubs;
import io.tienda.order.support.Stubs.Line;
import io.tienda.platform.events.saga.PaymentAuthorized;
import io.tienda.platform.events.saga.PaymentCaptured;
import io.tienda.platform.events.saga.StockCommitted;
import io.tienda.platform.events.saga.StockRejected;
import io.tienda.platform.events.saga.StockReleased;
import io.tienda.platform.events.saga.StockReserved;
import io.tienda.platform.events.Money;
import io.tienda.platform.testing.AllAtOnce;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** POST /api/v1/orders: the cart snapshot, the order, its idempotency, its refusals, and the saga to the end. */
class CheckoutIT extends OrderIT {

    private final String alice = TestTokens.newCustomer();
    private final String token = TestTokens.customer(alice);

    @Test
    void aCheckoutRunsFromThePricedCartToACompletedOrder() {
        Line mug = new Line("MUG-1", 2, 1_250, 250);
        Line pen = new Line("PEN-1", 1, 199);
        stubs.cart(token, "VERANO10", mug, pen);

        ApiReply placed = api.post("/api/v1/orders", token, checkout("pm_card_visa"), "key-" + UUID.randomUUID())
                .expect(202);

        JsonNode order = placed.json();
        UUID id = UUID.fromString(order.get("id").asString());
        assertThat(placed.headers().getLocation()).hasToString("/api/v1/orders/" + id);
        assertThat(order.get("statusUrl").asString()).isEqualTo("/api/v1/orders/" + id);
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        assertThat(order.get("number").asString()).matches("TND-\\d{4}-\\d{6,}");
        assertThat(order.get("totals").get("total").asLong()).isEqualTo(Stubs.total(mug, pen));
        assertThat(order.get("totals").get("taxIncluded").asBoolean()).isTrue();
        assertThat(order.get("lines").get(0).get("discount").asLong()).isEqualTo(250);
        assertThat(order.get("lines").get(0).get("name").asString()).isEqualTo("Producto MUG-1");
        assertThat(order.get("shippingAddress").get("city").asString()).isEqualTo("Madrid");
        assertThat(order.get("couponCode").asString()).isEqualTo("VERANO10");
        assertThat(order.get("history").get(0).get("to").asString()).isEqualTo("PENDING");

        // inventory
        JsonNode reserve = participants().inventory("inventory.reserve", id, 1).get(0).json();
        assertThat(reserve.get("lines").valueStream().map(l -> l.get("sku").asString())).containsExactly("MUG-1", "PEN-1");
        participants().reply(id, new StockReserved(id, UUID.randomUUID(), Instant.now().plusSeconds(1800)));
        // payment
        JsonNode authorize = participants().payment("payment.authorize", id, 1).get(0).json();
        assertThat(authorize.get("amount").get("amount").asLong()).isEqualTo(Stubs.total(mug, pen));
        assertThat(authorize.get("paymentMethod").asString()).isEqualTo("pm_card_visa");
        assertThat(authorize.get("idempotencyKey").asString()).startsWith("chk_");
        participants().reply(id, new PaymentAuthorized(id, "pi_123", Money.of(Stubs.total(mug, pen), "EUR")));
        awaitStatus(id, "CONFIRMED");
        participants().inventory("inventory.commit", id, 1);
        assertThat(participants().all("product.commands", id)).as("the coupon counts once the stock is committed")
                .isEmpty();
        participants().reply(id, new StockCommitted(id));
        participants().payment("payment.capture", id, 1);
        // product-service: the coupon's use, keyed by the order, with the total before the coupon
        Published redeem = participants().product("product.redeem_coupon", id, 1).get(0);
        assertThat(redeem.key()).isEqualTo(id.toString());
        assertThat(redeem.json().get("orderId").asString()).isEqualTo(id.toString());
        assertThat(redeem.json().get("code").asString()).isEqualTo("VERANO10");
        assertThat(redeem.json().get("customerId").asString()).isEqualTo(alice);
        assertThat(redeem.json().get("orderTotal").get("amount").asLong()).isEqualTo(2 * 1_250 + 199);
        participants().reply(id, new PaymentCaptured(id, "pi_123", Money.of(Stubs.total(mug, pen), "EUR")));
        awaitStep(id, "ENDED");

        assertThat(status(id)).isEqualTo("CONFIRMED");
        assertThat(participants().all("product.commands", id)).extracting(Published::type)
                .containsExactly("product.redeem_coupon");
        JsonNode placedFact = participants().facts("order.placed", id, 1).get(0).json();
        assertThat(placedFact.get("lines").size()).isEqualTo(2);
        JsonNode confirmed = participants().facts("order.confirmed", id, 1).get(0).json();
        assertThat(confirmed.get("total").get("amount").asLong()).isEqualTo(Stubs.total(mug, pen));
        // the confirmation mail names the order by the number the shopper sees, not by its id
        assertThat(confirmed.get("orderNumber").asString()).isEqualTo(order.get("number").asString());
        assertThat(confirmed.get("lines").get(0).get("sku").asString()).isEqualTo("MUG-1");
        // each line carries what was paid for it beside the catalog price: a return gives back the former
        assertThat(confirmed.get("lines").get(0).get("unitPrice").get("amount").asLong()).isEqualTo(1_250);
        assertThat(confirmed.get("lines").get(0).get("lineTotal").get("amount").asLong()).isEqualTo(2 * 1_250 - 250);
        assertThat(confirmed.get("lines").get(1).get("lineTotal").get("amount").asLong()).isEqualTo(199);
        JsonNode read = api.get("/api/v1/orders/" + id, token).expect(200).json();
        assertThat(read.get("history").valueStream().map(h -> h.get("to").asString()))
                .containsExactly("PENDING", "CONFIRMED");
        assertThat(read.get("history").get(1).get("actor").asString()).isEqualTo("checkout-saga");
    }

    /**
     * A coupon that takes the whole cart to 0 leaves nothing to pay: the order is confirmed and completed
     * without a payment command, and the coupon's use still counts; cancelled, it gives the stock and the
     * coupon back and asks payment-service for nothing.
     */
    @Test
    void aCouponThatLeavesNothingToPayCompletesTheOrderWithoutAnyPaymentAndStillCounts() {
        Line mug = new Line("MUG-1", 1, 1_000, 1_000);
        stubs.cart(token, "GRATIS", mug);

        JsonNode order = api.post("/api/v1/orders", token, checkout("pm_card_visa"), "key-" + UUID.randomUUID())
                .expect(202).json();
        UUID id = UUID.fromString(order.get("id").asString());
        assertThat(order.get("totals").get("total").asLong()).isZero();
        assertThat(order.get("totals").get("shipping").asLong()).isZero();

        completeWithoutPayment(id);
        JsonNode redeem = participants().product("product.redeem_coupon", id, 1).get(0).json();
        assertThat(redeem.get("code").asString()).isEqualTo("GRATIS");
        assertThat(redeem.get("orderTotal").get("amount").asLong()).isEqualTo(1_000);
        assertThat(participants().all("payment.commands", id)).as("nothing to authorise or capture").isEmpty();

        api.post("/api/v1/orders/" + id + "/cancellation", token, Map.of("reason", "changed my mind")).expect(200);

        participants().inventory("inventory.release", id, 1);
        participants().product("product.release_coupon", id, 1);
        participants().reply(id, new StockReleased(id));
        awaitStep(id, "ENDED");
        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(participants().all("payment.commands", id)).as("nothing to void or refund").isEmpty();
        assertThat(refund(token, id).isMissingNode()).isTrue();
    }

    @Test
    void theSameKeyAnswersTheSameOrderAndADifferentBodyIsRefused() {
        stubs.cart(token, new Line("MUG-1", 1, 1_000));
        String key = "retry-" + UUID.randomUUID();

        ApiReply first = api.post("/api/v1/orders", token, checkout("pm_card_visa"), key).expect(202);
        ApiReply again = api.post("/api/v1/orders", token, checkout("pm_card_visa"), key).expect(202);
        ApiReply other = api.post("/api/v1/orders", token, checkout("pm_card_mastercard"), key);

        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.text("number")).isEqualTo(first.text("number"));
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        other.expectProblem(422, "idempotency-key-reused");
        assertThat(stubs.checkouts(token)).as("a replay does not snapshot the cart again").isEqualTo(1);
        UUID id = UUID.fromString(first.text("id"));
        assertThat(count("select count(*) from orders where customer_id = (select customer_id from orders where id = :id)",
                id)).isEqualTo(1);
        assertThat(participants().inventory("inventory.reserve", id, 1)).hasSize(1);
    }

    @Test
    void fourCopiesOfOneCheckoutSentAtOnceWithOneKeyPlaceOneOrder() {
        stubs.cart(token, new Line("MUG-1", 1, 1_000));
        String key = "double-click-" + UUID.randomUUID();

        List<ApiReply> replies = AllAtOnce.run(4, i -> api.post("/api/v1/orders", token, checkout("pm_card_visa"), key));

        assertThat(replies).allSatisfy(reply -> reply.expect(202));
        assertThat(replies).extracting(reply -> reply.text("id")).containsOnly(replies.get(0).text("id"));
        assertThat(replies).extracting(reply -> reply.headers().getFirst("Idempotent-Replayed"))
                .containsOnlyOnce("false").containsOnly("false", "true");
        UUID id = UUID.fromString(replies.get(0).text("id"));
        assertThat(jdbc.sql("select count(*) from orders where idempotency_key = :key").param("key", key)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(participants().inventory("inventory.reserve", id, 1)).hasSize(1);
    }

    /**
     * A client that makes a new Idempotency-Key per click must not place the same cart twice while the
     * first order waits for its stock or payment (3-D Secure may hold it for minutes): it would be charged
     * twice. The refusal names the order to follow instead.
     */
    @Test
    void theSameCartCheckedOutAgainWithAnotherKeyWhileItsOrderIsPendingIsRefusedNamingThatOrder() {
        Line mug = new Line("MUG-1", 1, 1_000);
        stubs.cart(token, mug);
        String firstKey = "click-1-" + UUID.randomUUID();
        ApiReply first = api.post("/api/v1/orders", token, checkout("pm_card_visa"), firstKey).expect(202);
        UUID id = UUID.fromString(first.text("id"));

        ApiReply second = api.post("/api/v1/orders", token, checkout("pm_card_visa"), "click-2-" + UUID.randomUUID())
                .expectProblem(409, "checkout-in-progress");

        assertThat(second.text("orderId")).isEqualTo(id.toString());
        assertThat(second.text("orderNumber")).isEqualTo(first.text("number"));
        assertThat(second.text("statusUrl")).isEqualTo("/api/v1/orders/" + id);
        assertThat(count("select count(*) from orders where customer_id = (select customer_id from orders where id = :id)",
                id)).isEqualTo(1);
        // the first click's key still answers its order
        assertThat(api.post("/api/v1/orders", token, checkout("pm_card_visa"), firstKey).expect(202).text("id"))
                .isEqualTo(id.toString());
        // other goods are another purchase
        stubs.cart(token, mug, new Line("PEN-1", 1, 199));
        UUID other = place(token, checkout("pm_card_visa"));
        assertThat(other).isNotEqualTo(id);

        // once its order has ended, the cart can be checked out again
        stubs.cart(token, mug);
        participants().inventory("inventory.reserve", id, 1);
        participants().reply(id, new StockRejected(id, "insufficient-stock", List.of("MUG-1")));
        awaitStatus(id, "REJECTED");
        UUID again = place(token, checkout("pm_card_visa"));
        assertThat(again).isNotIn(id, other);
    }

    /**
     * Once the order went through, cart-service empties the cart of what it bought a moment later (on
     * order.confirmed). A checkout in that moment, with a new key, would buy the same goods twice: the cart
     * names its contents, and contents already ordered are not ordered again unless their order failed.
     */
    @Test
    void aCartAlreadyOrderedIsNotOrderedAgainUntilItsContentsChange() {
        Line mug = new Line("MUG-1", 1, 1_000);
        stubs.cart(token, UUID.randomUUID(), null, mug);
        UUID first = place(token, checkout("pm_card_visa"));
        completeCheckout(first, mug);

        ApiReply again = api.post("/api/v1/orders", token, checkout("pm_card_visa"), "click-" + UUID.randomUUID())
                .expectProblem(409, "cart-already-ordered");

        assertThat(again.text("orderId")).isEqualTo(first.toString());
        assertThat(again.text("statusUrl")).isEqualTo("/api/v1/orders/" + first);
        assertThat(again.text("detail")).contains("is confirmed");
        assertThat(count("select count(*) from orders where customer_id = (select customer_id from orders where id = :id)",
                first)).isEqualTo(1);
        // the database holds it whatever the timing: a second live order of those contents is refused
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into orders
                        select (jsonb_populate_record(null::orders, to_jsonb(o) || jsonb_build_object(
                                'id', gen_random_uuid(), 'number', next_order_number(), 'status', 'PENDING',
                                'cart_contents', repeat('0', 64), 'idempotency_key', 'another-click'))).*
                          from orders o where id = :id""").param("id", first).update())
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("orders_one_order_per_cart_contents");

        // the same goods put back after the order emptied the cart are new contents: another purchase
        stubs.cart(token, UUID.randomUUID(), null, mug);
        UUID second = place(token, checkout("pm_card_visa"));
        // contents whose order was rejected may be ordered again
        participants().inventory("inventory.reserve", second, 1);
        participants().reply(second, new StockRejected(second, "insufficient-stock", List.of("MUG-1")));
        awaitStatus(second, "REJECTED");
        UUID third = place(token, checkout("pm_card_visa"));
        assertThat(third).isNotIn(first, second);
        // a cart-service that names no contents is held back only while an order of the same goods is pending
        completeCheckout(third, mug);
        stubs.cart(token, (UUID) null, null, mug);
        assertThat(place(token, checkout("pm_card_visa"))).isNotIn(first, second, third);
    }

    @Test
    void fourCheckoutsOfOneCartSentAtOnceWithTheirOwnKeysPlaceOneOrder() {
        stubs.cart(token, new Line("MUG-1", 1, 1_000));

        List<ApiReply> replies = AllAtOnce.run(4, i -> api.post("/api/v1/orders", token, checkout("pm_card_visa"),
                "click-" + i + "-" + UUID.randomUUID()));

        List<ApiReply> placed = replies.stream().filter(reply -> reply.status() == 202).toList();
        assertThat(placed).as(replies.toString()).hasSize(1);
        String id = placed.get(0).text("id");
        assertThat(replies.stream().filter(reply -> reply.status() != 202))
                .allSatisfy(reply -> assertThat(reply.expectProblem(409, "checkout-in-progress").text("orderId"))
                        .isEqualTo(id));
        assertThat(count("select count(*) from orders where customer_id = (select customer_id from orders where id = :id)",
                UUID.fromString(id))).isEqualTo(1);
        assertThat(participants().inventory("inventory.reserve", UUID.fromString(id), 1)).hasSize(1);
        // the database holds it whatever the timing: a second PENDING copy of that checkout is refused
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into orders
                        select (jsonb_populate_record(null::orders, to_jsonb(o) || jsonb_build_object(
                                'id', gen_random_uuid(), 'number', next_order_number(),
                                'idempotency_key', 'another-click'))).*
                          from orders o where id = :id""").param("id", UUID.fromString(id)).update())
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("orders_one_pending_checkout_per_cart");
    }

    @Test
    void theKeyIsPerCustomer() {
        String bob = TestTokens.customer(TestTokens.newCustomer());
        stubs.cart(token, new Line("MUG-1", 1, 1_000));
        stubs.cart(bob, new Line("MUG-1", 1, 1_000));
        String key = "shared-" + UUID.randomUUID();

        String mine = api.post("/api/v1/orders", token, checkout("pm_card_visa"), key).expect(202).text("id");
        String theirs = api.post("/api/v1/orders", bob, checkout("pm_card_visa"), key).expect(202).text("id");

        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void anAddressFromTheAddressBookIsCopiedIntoTheOrder() {
        stubs.cart(token, new Line("MUG-1", 1, 1_000));
        UUID home = UUID.randomUUID();
        stubs.addresses(token, List.of(Map.of("id", UUID.randomUUID().toString(), "type", "BILLING", "name", "Ana",
                        "line1", "Elsewhere 2", "city", "Sevilla", "postalCode", "41001", "country", "ES"),
                Map.of("id", home.toString(), "type", "SHIPPING", "name", "Ana García", "line1", "Calle Mayor 1",
                        "line2", "3º B", "city", "Madrid", "postalCode", "28013", "country", "ES")));

        JsonNode order = api.post("/api/v1/orders", token, Map.of("addressId", home, "paymentMethod", "pm_card_visa"),
                UUID.randomUUID().toString()).expect(202).json();

        assertThat(order.get("shippingAddress").get("line2").asString()).isEqualTo("3º B");
        assertThat(order.get("shippingAddress").get("postcode").asString()).isEqualTo("28013");
        api.post("/api/v1/orders", token, Map.of("addressId", UUID.randomUUID(), "paymentMethod", "pm_card_visa"),
                UUID.randomUUID().toString()).expectProblem(422, "unprocessable");
    }

    @Test
    void emptyStaleAndSoldOutCartsAreRefusedAndNothingIsOrdered() {
        String empty = TestTokens.customer(TestTokens.newCustomer());
        String stale = TestTokens.customer(TestTokens.newCustomer());
        String soldOut = TestTokens.customer(TestTokens.newCustomer());
        stubs.cartRefuses(empty, 422, "cart-empty", List.of());
        stubs.cartRefuses(stale, 409, "cart-prices-stale", List.of());
        stubs.cartRefuses(soldOut, 409, "cart-lines-sold-out", List.of("MUG-1"));
        long before = jdbc.sql("select count(*) from orders").query(Long.class).single();

        api.post("/api/v1/orders", empty, checkout("pm_card_visa"), "k1").expectProblem(422, "cart-empty");
        api.post("/api/v1/orders", stale, checkout("pm_card_visa"), "k1").expectProblem(409, "cart-prices-stale");
        ApiReply refused = api.post("/api/v1/orders", soldOut, checkout("pm_card_visa"), "k1")
                .expectProblem(409, "cart-lines-sold-out");

        assertThat(refused.json().get("skus").get(0).asString()).isEqualTo("MUG-1");
        assertThat(jdbc.sql("select count(*) from orders").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aCartPricedForAnotherCountryIsRefused() {
        stubs.cart(token, new Line("MUG-1", 1, 1_000));
        Map<String, Object> toFrance = Map.of("shippingAddress", Map.of("name", "Ana", "line1", "1 rue de Rivoli",
                "city", "Paris", "postcode", "75001", "country", "FR"), "paymentMethod", "pm_card_visa");

        api.post("/api/v1/orders", token, toFrance, UUID.randomUUID().toString())
                .expectProblem(422, "shipping-country-mismatch");
    }

    /**
     * A user-service that hangs is read twice, each read cut at 2 s, and the shopper gets a 503 of
     * order-service's own, well before the gateway's 10 s would answer 504 for it; the cart is never asked.
     * The test client sends the POST once, answered 503 as it is (platform/testing's
     * {@code StatusRetryFreeRestTestClient}), so the reads counted are the service's own.
     */
    @Test
    void aHangingAddressBookIsReadTwiceThenAServiceUnavailableProblem() {
        stubs.cart(token, new Line("MUG-1", 1, 1_000));
        stubs.addressesSlow(token, Duration.ofSeconds(3));
        long before = jdbc.sql("select count(*) from orders").query(Long.class).single();

        api.post("/api/v1/orders", token, Map.of("addressId", UUID.randomUUID(), "paymentMethod", "pm_card_visa"),
                UUID.randomUUID().toString()).expectProblem(503, "service-unavailable");

        assertThat(stubs.addressReads(token)).isEqualTo(2);
        assertThat(stubs.checkouts(token)).isZero();
        assertThat(jdbc.sql("select count(*) from orders").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aCartServiceThatIsDownIsAServiceUnavailableProblem() {
        stubs.cartFails(token);

        api.post("/api/v1/orders", token, checkout("pm_card_visa"), UUID.randomUUID().toString())
                .expectProblem(503, "service-unavailable");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"paymentMethod\":\"pm_card_visa\"}",
            "{\"shippingAddress\":{\"name\":\"A\",\"line1\":\"L\",\"city\":\"C\",\"postcode\":\"28013\",\"country\":\"ES\"},"
                    + "\"paymentMethod\":\"4242424242424242\"}",
            "{\"shippingAddress\":{\"name\":\"A\",\"line1\":\"L\",\"city\":\"C\",\"postcode\":\"28013\",\"country\":\"ES\"},"
                    + "\"addressId\":\"0b5e4f44-5d5e-4a43-9a3e-3c1c5ad3d1a1\",\"paymentMethod\":\"pm_card_visa\"}",
            "{\"shippingAddress\":{\"name\":\"\",\"line1\":\"L\",\"city\":\"C\",\"postcode\":\"28013\",\"country\":\"Spain\"},"
                    + "\"paymentMethod\":\"pm_card_visa\"}",
            "{\"shippingAddress\":{\"name\":\"A\",\"line1\":\"L\",\"city\":\"C\",\"postcode\":\"28013\",\"country\":\"ES\"}}",
            "{\"addressId\":\"not-a-uuid\",\"paymentMethod\":\"pm_card_visa\"}",
            "{ not json",
            "[]"})
    void badInputIsABadRequestProblemAndChangesNothing(String body) {
        stubs.cart(token, new Line("MUG-1", 1, 1_000));

        ApiReply reply = api.post("/api/v1/orders", token, body, UUID.randomUUID().toString());

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.headers().getContentType().toString()).contains("application/problem+json");
        assertThat(stubs.checkouts(token)).isZero();
        assertThat(jdbc.sql("select count(*) from orders where customer_id = :c").param("c", alice)
                .query(Integer.class).single()).isZero();
    }

    /** Names and address lines go into mails and documents: one line of plain text each. */
    @Test
    void aShippingAddressWithLineBreaksOrControlCharactersIsRefusedNamingTheFieldAndNothingIsOrdered() {
        stubs.cart(token, new Line("MUG-1", 1, 1_000));
        Map<String, String> valid = Map.of("name", "Ana García", "line1", "Calle Mayor 1", "line2", "3º B",
                "city", "Madrid", "postcode", "28013", "country", "ES");
        for (String field : List.of("name", "line1", "line2", "city")) {
            for (String bad : List.of("Ana\nBcc: x@example.com", "Ana\r", "\tAna", "Ana\u2028Bcc", "Ana\u2029",
                    "Ana\u0085", "Ana\u0000", "Ana\u007f", "Ana\u001b[31m")) {
                Map<String, String> address = new java.util.HashMap<>(valid);
                address.put(field, bad);
                ApiReply reply = api.post("/api/v1/orders", token, Map.of("shippingAddress", address,
                        "paymentMethod", "pm_card_visa"), UUID.randomUUID().toString());
                assertThat(reply.expectProblem(400, "validation").errorFields()).as(field + " " + bad.codePoints()
                        .mapToObj(Integer::toHexString).toList()).containsExactly("shippingAddress." + field);
            }
        }
        assertThat(stubs.checkouts(token)).isZero();
        assertThat(jdbc.sql("select count(*) from orders where customer_id = :c").param("c", alice)
                .query(Integer.class).single()).isZero();

        // the same address without them is taken, as typed (spaces at the ends aside)
        JsonNode order = api.post("/api/v1/orders", token, Map.of("shippingAddress", valid, "paymentMethod",
                "pm_card_visa"), UUID.randomUUID().toString()).expect(202).json();
        assertThat(order.get("shippingAddress").get("line2").asString()).isEqualTo("3º B");
    }

    @Test
    void theIdempotencyKeyIsRequired() {
        stubs.cart(token, new Line("MUG-1", 1, 1_000));

        assertThat(api.post("/api/v1/orders", token, checkout("pm_card_visa")).expectProblem(400, "validation")
                .errorFields()).containsExactly("Idempotency-Key");
        for (String key : List.of("x".repeat(256), "has space", "tab\there")) {
            assertThat(api.post("/api/v1/orders", token, checkout("pm_card_visa"), key).expectProblem(400, "validation")
                    .errorFields()).as(key).containsExactly("Idempotency-Key");
        }
        api.post("/api/v1/orders", null, checkout("pm_card_visa"), "k").expectProblem(401, "unauthorized");
        assertThat(stubs.checkouts(token)).isZero();
    }

    @Test
    void ordersPlacedTheSameYearGetIncreasingNumbers() {
        stubs.cart(token, new Line("MUG-1", 1, 1_000));

        String first = api.post("/api/v1/orders", token, checkout("pm_card_visa"), UUID.randomUUID().toString())
                .expect(202).text("number");
        // other goods: the first order, still pending, does not hold this checkout back
        stubs.cart(token, new Line("MUG-1", 2, 1_000));
        String second = api.post("/api/v1/orders", token, checkout("pm_card_visa"), UUID.randomUUID().toString())
                .expect(202).text("number");

        assertThat(Long.parseLong(second.substring(9))).isGreaterThan(Long.parseLong(first.substring(9)));
        List<Published> placed = participants().facts("order.placed", UUID.fromString(
                jdbc.sql("select id from orders where number = :n").param("n", second).query(String.class).single()), 1);
        assertThat(placed).hasSize(1);
    }
}
