package io.tienda.order.shipping;

import io.tienda.order.orders.ErasureSweeper;
import io.tienda.order.support.OrderIT;
import io.tienda.order.support.Stubs;
import io.tienda.order.support.Stubs.Line;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.saga.PaymentAuthorized;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.events.saga.PaymentVoided;
import io.tienda.platform.events.saga.StockReleased;
import io.tienda.platform.events.saga.StockReserved;
import io.tienda.platform.events.user.UserErased;
import io.tienda.order.saga.CheckoutSagas;
import io.tienda.platform.events.Topics;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * After the checkout: cancellations, shipping and delivery, who may do what, and what is left of an order
 * once its customer erased their account.
 */
class OrderLifecycleIT extends OrderIT {

    private static final Line MUG = new Line("MUG-1", 1, 1_500);
    /** The same mug with 10 % off by the coupon OTONO10. */
    private static final Line MUG_WITH_COUPON = new Line("MUG-1", 1, 1_500, 150);

    @Autowired
    private CheckoutSagas sagas;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private ErasureSweeper erasureSweeper;

    private final String manager = TestTokens.staff("MANAGER");
    private final String support = TestTokens.staff("SUPPORT");
    private String customer;
    private String token;

    @BeforeEach
    void shopper() {
        customer = TestTokens.newCustomer();
        token = TestTokens.customer(customer);
        stubs.cart(token, MUG);
    }

    /** An order through the whole checkout: paid, committed, CONFIRMED. */
    private UUID completedOrder() {
        return completedOrder(token, MUG);
    }

    private UUID completedOrder(Line line) {
        return completedOrder(token, line);
    }

    @Test
    void aCustomerCancelsAPendingOrderAndItsStockAndPaymentAreUndone() {
        UUID id = place(token, checkout("pm_card_visa"));
        participants().inventory("inventory.reserve", id, 1);

        JsonNode cancelled = api.post("/api/v1/orders/" + id + "/cancellation", token,
                Map.of("reason", "ordered by mistake")).expect(200).json();

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        JsonNode last = cancelled.get("history").get(cancelled.get("history").size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo(customer);
        assertThat(last.get("reason").asString()).isEqualTo("ordered by mistake");
        // the customer's words stay with the order, where their erasure finds them; the participants keep
        // what they are told, and hear only who cancelled
        assertThat(participants().inventory("inventory.release", id, 1).get(0).json().get("reason").asString())
                .isEqualTo("cancelled by customer");
        assertThat(participants().payment("payment.void", id, 1).get(0).json().get("reason").asString())
                .isEqualTo("cancelled by customer");
        // a person cancelled: carts keep what they hold
        assertThat(participants().facts("order.cancelled", id, 1).get(0).json().get("checkoutFailed").asBoolean())
                .isFalse();
        api.post("/api/v1/orders/" + id + "/cancellation", token, null).expectProblem(409, "illegal-transition");
        // nothing was captured: nothing to refund, and the shopper is not told of one
        assertThat(refund(token, id).isMissingNode()).isTrue();
    }

    @Test
    void aPaidOrderCancelledBeforeShippingIsRestockedAndRefundedAndGivesItsCouponBack() {
        stubs.cart(token, "OTONO10", MUG_WITH_COUPON);
        UUID id = completedOrder(MUG_WITH_COUPON);
        participants().product("product.redeem_coupon", id, 1);

        api.post("/api/v1/orders/" + id + "/cancellation", support, Map.of("reason", "customer called")).expect(200);

        participants().inventory("inventory.release", id, 1);
        JsonNode refund = participants().payment("payment.refund", id, 1).get(0).json();
        assertThat(refund.get("amount").get("amount").asLong()).isEqualTo(Stubs.total(MUG_WITH_COUPON));
        assertThat(participants().all("payment.commands", id)).extracting(p -> p.type())
                .doesNotContain("payment.void");
        JsonNode release = participants().product("product.release_coupon", id, 1).get(0).json();
        assertThat(release.get("code").asString()).isEqualTo("OTONO10");
        assertThat(release.get("reason").asString()).isEqualTo("customer called");
        // on one partition, in the order they were decided: the use, then its return
        assertThat(participants().all("product.commands", id)).extracting(p -> p.type())
                .containsExactly("product.redeem_coupon", "product.release_coupon");
        JsonNode asked = refund(token, id);
        assertThat(asked.get("status").asString()).isEqualTo("PENDING");
        assertThat(asked.get("amount").asLong()).isEqualTo(Stubs.total(MUG_WITH_COUPON));
        assertThat(asked.get("currency").asString()).isEqualTo("EUR");
        participants().reply(id, new StockReleased(id));
        participants().reply(id, new PaymentRefunded(id, "pi_1", "re_1",
                Money.of(Stubs.total(MUG_WITH_COUPON), "EUR")));
        awaitStep(id, "ENDED");
        assertThat(status(id)).isEqualTo("CANCELLED");
        JsonNode refunded = refund(token, id);
        assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(Instant.parse(refunded.get("updatedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(asked.get("updatedAt").asString()));
        // the shopper's list of orders says it too
        JsonNode listed = api.get("/api/v1/orders?size=100", token).expect(200).json().get("items").valueStream()
                .filter(item -> item.get("id").asString().equals(id.toString())).findFirst().orElseThrow();
        assertThat(listed.get("refund").asString()).isEqualTo("REFUNDED");
    }

    @Test
    void aCancellationWhoseRefundIsRefusedIsNotAskedAgainAndIsKeptForOperations() {
        UUID id = completedOrder();

        api.post("/api/v1/orders/" + id + "/cancellation", token, Map.of("reason", "too late")).expect(200);

        participants().inventory("inventory.release", id, 1);
        String key = participants().payment("payment.refund", id, 1).get(0).json().get("refundKey").asString();
        participants().reply(id, new StockReleased(id));
        // A return's refund of the same order answers another key: it acknowledges nothing of the saga's.
        participants().reply(id, new PaymentRefunded(id, "pi_1", "re_9", Money.of(100, "EUR"), "return:rma-1"));
        participants().reply(id, new PaymentRefundFailed(id, "pi_1", null, Money.of(Stubs.total(MUG), "EUR"),
                "payment-not-captured: payment pi_1 is AUTHORIZED", key));

        awaitStep(id, "ENDED");
        String data = jdbc.sql("select data::text from saga_instance where order_id = :id").param("id", id)
                .query(String.class).single();
        JsonNode saga = io.tienda.platform.events.EventJson.mapper().readTree(data);
        assertThat(saga.get("facts").valueStream().map(JsonNode::asString)).contains("REFUND_REFUSED");
        assertThat(saga.get("pending").isEmpty()).isTrue();
        assertThat(saga.get("deadline") == null || saga.get("deadline").isNull()).isTrue();
        assertThat(participants().all("payment.commands", id)).extracting(p -> p.type())
                .containsExactly("payment.authorize", "payment.capture", "payment.refund");
        assertThat(status(id)).isEqualTo("CANCELLED");
    }

    /**
     * Staff refunded the whole order before it was cancelled: payment-service answers the reversal
     * nothing-to-refund. Nothing is owed, so the refund is done for nothing more and nobody is alerted.
     */
    @Test
    void aCancellationWithNothingLeftToRefundEndsRefundedForNothingMore() {
        UUID id = completedOrder();
        api.post("/api/v1/orders/" + id + "/cancellation", token, Map.of("reason", "too late")).expect(200);
        participants().inventory("inventory.release", id, 1);
        String key = participants().payment("payment.refund", id, 1).get(0).json().get("refundKey").asString();
        participants().reply(id, new StockReleased(id));
        participants().reply(id, new PaymentRefundFailed(id, null, null, Money.of(Stubs.total(MUG), "EUR"),
                "nothing-to-refund: payment pi_1 captured 1500 EUR, of which 1500 is refunded", key));

        awaitStep(id, "ENDED");
        JsonNode refund = refund(token, id);
        assertThat(refund.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refund.get("amount").asLong()).isZero();
        String data = jdbc.sql("select data::text from saga_instance where order_id = :id").param("id", id)
                .query(String.class).single();
        JsonNode saga = io.tienda.platform.events.EventJson.mapper().readTree(data);
        assertThat(saga.get("facts").valueStream().map(JsonNode::asString)).doesNotContain("REFUND_REFUSED");
        assertThat(saga.get("pending").isEmpty()).isTrue();
        assertThat(jdbc.sql("select cardinality(attention) from saga_instance where order_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
        assertThat(participants().all("payment.commands", id)).extracting(p -> p.type())
                .containsExactly("payment.authorize", "payment.capture", "payment.refund");
    }

    /**
     * payment-service answers the cancellation's refund payment.refunded, then the provider fails it (the
     * card was closed) and it answers payment.refund_failed with the saga's key: the saga keeps
     * REFUND_REFUSED as for a refund refused at once, once, and nothing is asked again. Failures of the
     * order's other refunds change nothing.
     */
    @Test
    void aCancellationsRefundThatFailsAfterItSucceededIsKeptForOperationsAsARefusalIs() {
        UUID id = completedOrder();
        Money total = Money.of(Stubs.total(MUG), "EUR");
        api.post("/api/v1/orders/" + id + "/cancellation", token, Map.of("reason", "changed my mind")).expect(200);
        participants().inventory("inventory.release", id, 1);
        String key = participants().payment("payment.refund", id, 1).get(0).json().get("refundKey").asString();
        participants().reply(id, new StockReleased(id));
        participants().reply(id, new PaymentRefunded(id, "pi_1", "re_1", total, key));
        awaitStep(id, "ENDED");
        await().atMost(Duration.ofSeconds(30)).until(() -> saga(id).get("pending").isEmpty());
        assertThat(facts(id)).doesNotContain("REFUND_REFUSED");
        assertThat(refund(token, id).get("status").asString()).isEqualTo("REFUNDED");

        // a return's refund and a staff refund (no key) of the same order failing say nothing of the saga's
        participants().reply(id, new PaymentRefundFailed(id, "pi_1", "re_9", Money.of(100, "EUR"),
                "expired_or_canceled_card", "return:" + UUID.randomUUID()));
        participants().reply(id, new PaymentRefundFailed(id, "pi_1", "re_8", Money.of(100, "EUR"),
                "expired_or_canceled_card", null));
        long before = sagaVersion(id);
        repliesProcessed(id);
        assertThat(sagaVersion(id)).isEqualTo(before);
        assertThat(facts(id)).doesNotContain("REFUND_REFUSED");

        PaymentRefundFailed late = new PaymentRefundFailed(id, "pi_1", "re_1", total, "expired_or_canceled_card",
                key);
        UUID lateId = participants().reply(id, late);
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(id).contains("REFUND_REFUSED"));
        JsonNode saga = saga(id);
        assertThat(step(id)).isEqualTo("ENDED");
        assertThat(saga.get("pending").isEmpty()).isTrue();
        assertThat(saga.get("outcome").asString()).isEqualTo("CANCELLED");
        assertThat(saga.get("deadline") == null || saga.get("deadline").isNull()).isTrue();
        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(refund(token, id).get("status").asString()).isEqualTo("FAILED");
        long recorded = sagaVersion(id);

        // the same reply delivered again is applied once, and nothing is ever asked again
        participants().reply(id, lateId, "payment.refund_failed", EventJson.write(late));
        repliesProcessed(id);
        assertThat(sagaVersion(id)).isEqualTo(recorded);
        assertThat(participants().all("payment.commands", id)).extracting(p -> p.type())
                .containsExactly("payment.authorize", "payment.capture", "payment.refund");
    }

    private JsonNode saga(UUID id) {
        return EventJson.mapper().readTree(jdbc.sql("select data::text from saga_instance where order_id = :id")
                .param("id", id).query(String.class).single());
    }

    private List<String> facts(UUID id) {
        return saga(id).get("facts").valueStream().map(JsonNode::asString).toList();
    }

    private long sagaVersion(UUID id) {
        return jdbc.sql("select version from saga_instance where order_id = :id").param("id", id)
                .query(Long.class).single();
    }

    /**
     * Waits until every reply sent for the order so far has been consumed: a marker sent behind them on the
     * order's partition (a payment.voided the ended saga ignores) reaches the inbox only after them.
     */
    private void repliesProcessed(UUID id) {
        UUID marker = participants().reply(id, new PaymentVoided(id, "pi_1", "marker"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from tienda_inbox "
                + "where consumer = 'order-saga' and event_id = :e").param("e", marker).query(Integer.class)
                .single() == 1);
    }

    @Test
    void managersShipAndDeliverAndTheOrderCanNoLongerBeCancelled() {
        UUID id = completedOrder();

        api.post("/api/v1/orders/" + id + "/shipment", support, Map.of("carrier", "SEUR", "trackingNumber", "1Z999"))
                .expectProblem(403, "forbidden");
        api.post("/api/v1/orders/" + id + "/shipment", token, Map.of("carrier", "SEUR", "trackingNumber", "1Z999"))
                .expectProblem(403, "forbidden");
        JsonNode shipped = api.post("/api/v1/orders/" + id + "/shipment", manager,
                Map.of("carrier", "SEUR", "trackingNumber", "1Z999AA10123456784")).expect(200).json();
        assertThat(shipped.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(shipped.get("tracking").get("trackingNumber").asString()).isEqualTo("1Z999AA10123456784");

        api.post("/api/v1/orders/" + id + "/cancellation", token, null).expectProblem(409, "illegal-transition");
        JsonNode delivered = api.post("/api/v1/orders/" + id + "/delivery", TestTokens.staff("ADMIN"), null)
                .expect(200).json();

        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("history").valueStream().map(h -> h.get("to").asString()))
                .containsExactly("PENDING", "CONFIRMED", "SHIPPED", "DELIVERED");
        assertThat(delivered.get("history").get(2).get("actor").asString()).isEqualTo("staff-manager");
        JsonNode fact = participants().facts("order.shipped", id, 1).get(0).json();
        assertThat(fact.get("carrier").asString()).isEqualTo("SEUR");
        assertThat(fact.get("lines").get(0).get("sku").asString()).isEqualTo("MUG-1");
        participants().facts("order.delivered", id, 1);
        api.post("/api/v1/orders/" + id + "/delivery", manager, null).expectProblem(409, "illegal-transition");
    }

    /**
     * A cancellation locks the saga, reads the order and only then changes it. A shipment that slipped
     * in between used to leave the order SHIPPED with its payment refunded and its stock released; it
     * now waits for the saga, then finds the order cancelled.
     */
    @Test
    void aShipmentWaitsForACancellationUnderWayAndIsThenRefused() throws Exception {
        UUID id = completedOrder();
        Map<String, String> parcel = Map.of("carrier", "SEUR", "trackingNumber", "1Z999AA10123456784");

        CompletableFuture<ApiReply> shipment = new TransactionTemplate(transactions).execute(tx -> {
            // the cancellation's first step, as CheckoutSagas.cancel takes it
            assertThat(sagas.find(id)).isPresent();
            jdbc.sql("select order_id from saga_instance where order_id = :id for update").param("id", id)
                    .query().singleValue();
            CompletableFuture<ApiReply> shipping = CompletableFuture.supplyAsync(
                    () -> api.post("/api/v1/orders/" + id + "/shipment", manager, parcel));
            await().atMost(Duration.ofSeconds(20)).until(() -> shipping.isDone() || waitingForTheSaga() > 0);
            assertThat(shipping).as("the shipment waits for the saga").isNotDone();
            sagas.cancel(id, customer, "changed my mind");
            return shipping;
        });

        shipment.get(20, TimeUnit.SECONDS).expectProblem(409, "illegal-transition");
        assertThat(status(id)).isEqualTo("CANCELLED");
        participants().payment("payment.refund", id, 1);
        participants().inventory("inventory.release", id, 1);
        participants().facts("order.cancelled", id, 1);
        assertThat(participants().all(Topics.ORDER_EVENTS, id)).extracting(p -> p.type()).doesNotContain("order.shipped");
    }

    /** Transactions of this database waiting for a lock on a saga row. */
    private int waitingForTheSaga() {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock' and query like '%saga_instance%'
                        """).query(Integer.class).single();
    }

    @Test
    void anOrderIsNotShippedBeforeItsPaymentIsCaptured() {
        UUID id = place(token, checkout("pm_card_visa"));

        api.post("/api/v1/orders/" + id + "/shipment", manager, Map.of("carrier", "SEUR", "trackingNumber", "1Z9"))
                .expectProblem(409, "illegal-transition");
        participants().inventory("inventory.reserve", id, 1);
        participants().reply(id, new StockReserved(id, UUID.randomUUID(), Instant.now().plusSeconds(1800)));
        participants().payment("payment.authorize", id, 1);
        participants().reply(id, new PaymentAuthorized(id, "pi_1", Money.of(Stubs.total(MUG), "EUR")));
        awaitStatus(id, "CONFIRMED");

        api.post("/api/v1/orders/" + id + "/shipment", manager, Map.of("carrier", "SEUR", "trackingNumber", "1Z9"))
                .expectProblem(409, "checkout-in-progress");
        assertThat(status(id)).isEqualTo("CONFIRMED");
    }

    @Test
    void aCustomerNeverReachesAnotherCustomersOrder() {
        UUID id = place(token, checkout("pm_card_visa"));
        String stranger = TestTokens.customer(TestTokens.newCustomer());

        api.get("/api/v1/orders/" + id, stranger).expectProblem(404, "not-found");
        api.post("/api/v1/orders/" + id + "/cancellation", stranger, null).expectProblem(404, "not-found");
        api.get("/api/v1/orders?customerId=" + customer, stranger).expectProblem(404, "not-found");
        assertThat(status(id)).isEqualTo("PENDING");
        api.get("/api/v1/orders/" + id, support).expect(200);
    }

    @Test
    void staffListAndFilterAllOrders() {
        UUID id = place(token, checkout("pm_card_visa"));
        String today = Instant.now().minusSeconds(3600).toString();

        JsonNode mine = api.get("/api/v1/orders?status=PENDING&customerId=" + customer + "&from=" + today, support)
                .expect(200).json();
        assertThat(mine.get("total").asInt()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("id").asString()).isEqualTo(id.toString());
        assertThat(mine.get("items").get(0).get("number").asString()).startsWith("TND-");
        assertThat(api.get("/api/v1/orders?status=SHIPPED&customerId=" + customer, support).expect(200).json()
                .get("total").asInt()).isZero();
        assertThat(api.get("/api/v1/orders?size=5", manager).expect(200).json().get("total").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/orders?from=" + Instant.now().plusSeconds(3600), TestTokens.staff("ADMIN"))
                .expect(200).json().get("total").asInt()).isZero();
        api.get("/api/v1/orders?status=LOST", support).expectProblem(400, "invalid-parameter");
        api.get("/api/v1/orders?from=yesterday", support).expectProblem(400, "invalid-parameter");
    }

    @Test
    void badShippingInputIsRefusedAndChangesNothing() {
        UUID id = completedOrder();

        api.post("/api/v1/orders/" + id + "/shipment", manager, Map.of("carrier", "", "trackingNumber", "1Z9"))
                .expectProblem(400, "validation");
        api.post("/api/v1/orders/" + id + "/shipment", manager, Map.of("carrier", "SEUR", "trackingNumber", "<script>"))
                .expectProblem(400, "validation");
        api.post("/api/v1/orders/" + UUID.randomUUID() + "/shipment", manager,
                Map.of("carrier", "SEUR", "trackingNumber", "1Z9")).expectProblem(404, "not-found");
        api.post("/api/v1/orders/" + id + "/cancellation", token, Map.of("reason", "x".repeat(501)))
                .expectProblem(400, "validation");
        await().untilAsserted(() -> assertThat(status(id)).isEqualTo("CONFIRMED"));
    }

    @Test
    void anEndedOrderLosesItsAddressWhenItsCustomerErasesTheirAccountAndStillReadsForTheBooks() {
        UUID user = UUID.randomUUID();
        String erasedShopper = shopperOf(user);
        UUID delivered = deliveredOrder(erasedShopper);
        UUID othersOrder = deliveredOrder(token);
        long othersVersion = version(othersOrder);
        UserErased erased = new UserErased(user, Instant.now());

        UUID erasure = participants().user(user, erased);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(address(delivered).get("name").asString()).isEqualTo("erased"));
        JsonNode order = api.get("/api/v1/orders/" + delivered, support).expect(200).json();
        assertThat(order.get("customerId").asString()).isEqualTo(user.toString());
        assertThat(order.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(order.get("totals").get("total").asLong()).isEqualTo(Stubs.total(MUG));
        assertThat(order.get("lines").get(0).get("sku").asString()).isEqualTo("MUG-1");
        assertThat(order.get("lines").get(0).get("lineTotal").asLong()).isEqualTo(MUG.unitPrice() * MUG.quantity());
        assertThat(order.get("deliveredAt").isNull()).isFalse();
        assertThat(order.get("history")).hasSize(4);
        assertErased(order.get("shippingAddress"));
        Map<String, Object> row = row(delivered);
        assertThat(row).containsEntry("ship_name", null).containsEntry("ship_line1", null)
                .containsEntry("ship_line2", null).containsEntry("ship_city", null)
                .containsEntry("request_hash", null)
                .containsEntry("ship_postcode", "28013").containsEntry("ship_country", "ES");
        assertThat(row.get("address_erased_at")).isNotNull();
        // the customer's token, still valid for a few minutes, reads the same
        assertErased(api.get("/api/v1/orders/" + delivered, erasedShopper).expect(200).json().get("shippingAddress"));

        // redelivered, then sent again: the second is applied, the first is not, and neither changes anything
        participants().user(user, erasure, erased);
        UUID again = participants().user(user, new UserErased(user, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxed(again) == 1);
        assertThat(inboxed(erasure)).isEqualTo(1);
        assertThat(row(delivered)).isEqualTo(row);
        assertThat(jdbc.sql("select erased_at from erased_customers where customer_id = :c")
                .param("c", user.toString()).query(OffsetDateTime.class).list())
                .singleElement().satisfies(at -> assertThat(at.toInstant())
                        .isCloseTo(erased.erasedAt(), within(1, ChronoUnit.MILLIS)));

        // another customer's order is untouched
        assertThat(address(othersOrder).get("name").asString()).isEqualTo("Ana García");
        assertThat(address(othersOrder).get("erased").asBoolean()).isFalse();
        assertThat(version(othersOrder)).isEqualTo(othersVersion);
    }

    @Test
    void anOrderUnderWayKeepsItsAddressUntilItEndsThenLosesIt() {
        UUID user = UUID.randomUUID();
        String erasedShopper = shopperOf(user);
        UUID confirmed = completedOrder(erasedShopper, MUG);
        UUID pending = place(erasedShopper, checkout("pm_card_visa"));
        participants().inventory("inventory.reserve", pending, 1);

        UUID erasure = participants().user(user, new UserErased(user, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxed(erasure) == 1);

        // the parcel still has to reach them
        assertThat(address(confirmed).get("name").asString()).isEqualTo("Ana García");
        assertThat(address(pending).get("line1").asString()).isEqualTo("Calle Mayor 1");
        JsonNode shipped = api.post("/api/v1/orders/" + confirmed + "/shipment", manager,
                Map.of("carrier", "SEUR", "trackingNumber", "1Z999")).expect(200).json();
        assertThat(shipped.get("shippingAddress").get("city").asString()).isEqualTo("Madrid");
        assertThat(row(confirmed).get("address_erased_at")).isNull();

        JsonNode delivered = api.post("/api/v1/orders/" + confirmed + "/delivery", manager, null).expect(200).json();
        assertErased(delivered.get("shippingAddress"));
        assertErased(address(confirmed));
        assertThat(row(confirmed)).containsEntry("ship_name", null).containsEntry("ship_line1", null)
                .containsEntry("ship_city", null).containsEntry("ship_postcode", "28013");
        assertThat(api.get("/api/v1/orders/" + confirmed, support).expect(200).json().get("totals").get("total")
                .asLong()).isEqualTo(Stubs.total(MUG));

        JsonNode cancelled = api.post("/api/v1/orders/" + pending + "/cancellation", support, null).expect(200)
                .json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertErased(address(pending));
        assertThat(row(pending)).containsEntry("ship_name", null).containsEntry("ship_country", "ES");
    }

    @Test
    void whatTheCustomerWroteGoesWithTheirAccountWhileWhatStaffAndTheServiceWroteStays() {
        UUID user = UUID.randomUUID();
        String erasedShopper = shopperOf(user);
        String typed = "moving to Lisbon, Rua Augusta 5";
        UUID ownWords = pendingOrder(erasedShopper);
        api.post("/api/v1/orders/" + ownWords + "/cancellation", erasedShopper, Map.of("reason", typed)).expect(200);
        UUID noWords = pendingOrder(erasedShopper);
        api.post("/api/v1/orders/" + noWords + "/cancellation", erasedShopper, null).expect(200);
        UUID byStaff = pendingOrder(erasedShopper);
        api.post("/api/v1/orders/" + byStaff + "/cancellation", support, Map.of("reason", "duplicate, ticket 4411"))
                .expect(200);
        // a checkout cancelled before the words were kept to the order kept the customer's words as its reason
        UUID olderCheckout = pendingOrder(erasedShopper);
        api.post("/api/v1/orders/" + olderCheckout + "/cancellation", erasedShopper, Map.of("reason", typed))
                .expect(200);
        jdbc.sql("update saga_instance set data = jsonb_set(data, '{reason}', to_jsonb(cast(:typed as text)))"
                + " where order_id = :id").param("typed", typed).param("id", olderCheckout).update();
        assertThat(checkoutReason(olderCheckout)).isEqualTo(typed);
        UUID underWay = pendingOrder(erasedShopper);
        UUID othersOrder = pendingOrder(token);
        api.post("/api/v1/orders/" + othersOrder + "/cancellation", token, Map.of("reason", typed)).expect(200);
        // the checkout keeps who cancelled, not the words
        assertThat(checkoutReason(ownWords)).isEqualTo("cancelled by customer");

        UUID erasure = participants().user(user, new UserErased(user, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxed(erasure) == 1);

        // their words go, from the order's history and from an older checkout's copy, which staff read
        assertThat(reasons(ownWords)).containsExactly("placed", "erased");
        assertThat(checkoutReason(ownWords)).isEqualTo("cancelled by customer");
        assertThat(reasons(olderCheckout)).containsExactly("placed", "erased");
        assertThat(checkoutReason(olderCheckout)).isEqualTo("erased");
        // what the service wrote for them, and what staff wrote, stays
        assertThat(reasons(noWords)).containsExactly("placed", "cancelled by customer");
        assertThat(checkoutReason(noWords)).isEqualTo("cancelled by customer");
        assertThat(reasons(byStaff)).containsExactly("placed", "duplicate, ticket 4411");
        assertThat(checkoutReason(byStaff)).isEqualTo("duplicate, ticket 4411");
        assertThat(jdbc.sql("""
                        select count(*) from order_status_history h join orders o on o.id = h.order_id
                         where o.customer_id = :c and h.reason = :typed""")
                .param("c", user.toString()).param("typed", typed).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from saga_instance s join orders o on o.id = s.order_id
                         where o.customer_id = :c and s.data::text like '%Lisbon%'""")
                .param("c", user.toString()).query(Integer.class).single()).isZero();
        // another customer's words stay
        assertThat(reasons(othersOrder)).containsExactly("placed", typed);
        assertThat(checkoutReason(othersOrder)).isEqualTo("cancelled by customer");

        // an order under way that they cancel afterwards (their token lasts a few minutes) keeps none of it
        JsonNode cancelled = api.post("/api/v1/orders/" + underWay + "/cancellation", erasedShopper,
                Map.of("reason", "changed my mind, call me on 600 123 456")).expect(200).json();
        assertThat(cancelled.get("history").get(1).get("reason").asString()).isEqualTo("erased");
        assertThat(reasons(underWay)).containsExactly("placed", "erased");
        assertThat(checkoutReason(underWay)).isEqualTo("erased");
        assertThat(participants().facts("order.cancelled", underWay, 1).get(0).json().get("reason").asString())
                .isEqualTo("erased");
        assertThat(participants().inventory("inventory.release", underWay, 1).get(0).json().get("reason")
                .asString()).isEqualTo("erased");
    }

    @Test
    void aShippedOrderOfAnErasedCustomerLosesItsAddressOnceItHasBeenInTransitTooLong() {
        UUID user = UUID.randomUUID();
        String erasedShopper = shopperOf(user);
        UUID inTransit = shippedOrder(erasedShopper);
        UUID longGone = shippedOrder(erasedShopper);
        shippedDaysAgo(longGone, 31);
        UUID othersLongGone = shippedOrder(token);
        shippedDaysAgo(othersLongGone, 31);

        UUID erasure = participants().user(user, new UserErased(user, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxed(erasure) == 1);

        // shipped more than the retention (30 days) before the erasure: its address goes at once
        assertErased(address(longGone));
        // in transit: the carrier still needs it, whatever the sweep finds
        erasureSweeper.sweep();
        assertThat(address(inTransit).get("name").asString()).isEqualTo("Ana García");
        assertThat(row(inTransit).get("address_erased_at")).isNull();

        // never marked delivered, 31 days after it shipped: the sweep takes it
        shippedDaysAgo(inTransit, 31);
        long before = version(inTransit);
        assertThat(erasureSweeper.sweep()).isPositive();
        assertErased(address(inTransit));
        assertThat(row(inTransit)).containsEntry("ship_name", null).containsEntry("ship_line1", null)
                .containsEntry("ship_city", null).containsEntry("request_hash", null)
                .containsEntry("ship_postcode", "28013").containsEntry("ship_country", "ES");
        assertThat(version(inTransit)).isEqualTo(before + 1);
        JsonNode order = api.get("/api/v1/orders/" + inTransit, support).expect(200).json();
        assertThat(order.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(order.get("tracking").get("trackingNumber").asString()).isEqualTo("1Z999");
        assertThat(order.get("totals").get("total").asLong()).isEqualTo(Stubs.total(MUG));
        // a customer who did not erase their account keeps theirs
        assertThat(address(othersLongGone).get("name").asString()).isEqualTo("Ana García");

        // a sweep again changes nothing more; a late delivery still goes through, the address staying erased
        erasureSweeper.sweep();
        assertThat(version(inTransit)).isEqualTo(before + 1);
        assertErased(api.post("/api/v1/orders/" + inTransit + "/delivery", manager, null).expect(200).json()
                .get("shippingAddress"));
    }

    /** A shopper whose id is a user-service user id, as user.erased names it, with the mug in their cart. */
    private String shopperOf(UUID user) {
        String shopper = TestTokens.customer(user.toString());
        stubs.cart(shopper, MUG);
        return shopper;
    }

    private UUID deliveredOrder(String shopper) {
        UUID id = completedOrder(shopper, MUG);
        api.post("/api/v1/orders/" + id + "/shipment", manager, Map.of("carrier", "SEUR", "trackingNumber", "1Z999"))
                .expect(200);
        api.post("/api/v1/orders/" + id + "/delivery", manager, null).expect(200);
        return id;
    }

    /** A placed order whose checkout is reserving its stock. */
    private UUID pendingOrder(String shopper) {
        UUID id = place(shopper, checkout("pm_card_visa"));
        participants().inventory("inventory.reserve", id, 1);
        return id;
    }

    private UUID shippedOrder(String shopper) {
        UUID id = completedOrder(shopper, MUG);
        api.post("/api/v1/orders/" + id + "/shipment", manager, Map.of("carrier", "SEUR", "trackingNumber", "1Z999"))
                .expect(200);
        return id;
    }

    /** As if the parcel had left {@code days} ago and nobody had marked it delivered since. */
    private void shippedDaysAgo(UUID id, int days) {
        jdbc.sql("update orders set shipped_at = now() - make_interval(days => :days) where id = :id")
                .param("days", days).param("id", id).update();
    }

    /** The reasons of the order's moves, oldest first, as staff read them. */
    private List<String> reasons(UUID id) {
        return api.get("/api/v1/orders/" + id, support).expect(200).json().get("history").valueStream()
                .map(change -> change.get("reason").asString()).toList();
    }

    /** The reason of the order's checkout, as staff read it. */
    private String checkoutReason(UUID id) {
        return api.get("/api/v1/orders/" + id + "/checkout", support).expect(200).json().get("reason").asString();
    }

    /** The order's address as staff read it. */
    private JsonNode address(UUID id) {
        return api.get("/api/v1/orders/" + id, support).expect(200).json().get("shippingAddress");
    }

    /** Name, street and city gone; postcode and country, the place of supply for tax, kept. */
    private static void assertErased(JsonNode address) {
        assertThat(address.get("erased").asBoolean()).isTrue();
        assertThat(address.get("name").asString()).isEqualTo("erased");
        assertThat(address.get("line1").asString()).isEqualTo("erased");
        assertThat(address.path("line2").isMissingNode() || address.get("line2").isNull()).isTrue();
        assertThat(address.get("city").asString()).isEqualTo("erased");
        assertThat(address.get("postcode").asString()).isEqualTo("28013");
        assertThat(address.get("country").asString()).isEqualTo("ES");
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("""
                        select ship_name, ship_line1, ship_line2, ship_city, ship_postcode, ship_country, request_hash,
                               address_erased_at, version, updated_at
                          from orders where id = :id""")
                .param("id", id).query().singleRow();
    }

    private long version(UUID id) {
        return jdbc.sql("select version from orders where id = :id").param("id", id).query(Long.class).single();
    }

    private int inboxed(UUID eventId) {
        return jdbc.sql("select count(*) from tienda_inbox where consumer = 'order-erasure' and event_id = :e")
                .param("e", eventId).query(Integer.class).single();
    }
}
