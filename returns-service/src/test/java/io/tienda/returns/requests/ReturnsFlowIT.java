package io.tienda.returns.requests;

import io.micrometer.core.instrument.MeterRegistry;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.product.PriceChange;
import io.tienda.platform.events.product.ProductCreated;
import io.tienda.platform.events.product.ProductDeleted;
import io.tienda.platform.events.product.ProductPriceChanged;
import io.tienda.platform.events.product.ProductUpdated;
import io.tienda.platform.events.product.SkuPrice;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderDelivered;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.saga.OrderRejected;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.testing.AllAtOnce;
import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.http.TestApi;
import io.tienda.platform.testing.messaging.EventMessages;
import io.tienda.platform.testing.security.TestTokens;
import io.tienda.returns.orders.DeliveredOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.platform.testing.security.TestTokens.customer;
import static io.tienda.platform.testing.security.TestTokens.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * returns-service end to end against real PostgreSQL and Kafka. The test plays order-service
 * (order.delivered, the replacement's order.confirmed / order.rejected / order.cancelled), payment-service
 * (payment.refunded / payment.refund_failed) and product-service, and reads the commands this
 * service sends on payment.commands, inventory.commands and order.commands.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@TiendaInfra(value = {Store.POSTGRES, Store.KAFKA}, database = "returns")
class ReturnsFlowIT {

    private static final String SUPPORT = TestTokens.staff("SUPPORT");
    private static final String MANAGER = TestTokens.staff("MANAGER");

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DeliveredOrders catalog;

    TestApi api;
    EventMessages messages;
    String alice;
    String shirt;
    String shirtL;
    String mug;

    @BeforeEach
    void setUp() {
        api = new TestApi(http);
        messages = new EventMessages(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        alice = newCustomer();
        String unique = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        shirt = "SHIRT-M-" + unique;
        shirtL = "SHIRT-L-" + unique;
        mug = "MUG-" + unique;
    }

    @AfterEach
    void tearDown() {
        messages.close();
    }

    // ------------------------------------------------------------ the whole path

    @Test
    void aRefundGoesFromRequestToRefundedWithItsEventsAndCommands() {
        UUID order = delivered(alice, Instant.now().minus(Duration.ofDays(2)));

        ApiReply created = api.post("/api/v1/returns", customer(alice), Map.of("orderId", order,
                "resolution", "REFUND", "lines", List.of(
                        line(mug, 2, "DAMAGED", "arrived chipped"), line(shirt, 1, "SIZE_OR_FIT", null))))
                .expect(201);
        String id = created.text("id");
        String rma = created.text("rma");
        assertThat(rma).matches("RMA-\\d{4}-\\d{6}");
        assertThat(created.text("status")).isEqualTo("REQUESTED");
        assertThat(created.text("instructions")).contains(rma);
        assertThat(created.headers().getLocation()).hasToString("/api/v1/returns/" + id);
        JsonNode requested = event("returns.requested", id).json();
        assertThat(requested.get("rma").asString()).isEqualTo(rma);
        assertThat(requested.get("orderNumber").asString()).startsWith("TND-");
        assertThat(requested.get("lines").size()).isEqualTo(2);
        assertThat(requested.get("lines").get(0).get("unitPrice").get("amount").asLong()).isEqualTo(1250);

        assertThat(api.post("/api/v1/returns/" + id + "/approval", SUPPORT, Map.of("note", "ok")).expect(200)
                .text("status")).isEqualTo("APPROVED");
        assertThat(event("returns.approved", id).json().get("note").asString()).isEqualTo("ok");
        assertThat(api.post("/api/v1/returns/" + id + "/receipt", MANAGER, Map.of()).expect(200).text("status"))
                .isEqualTo("RECEIVED");
        event("returns.received", id);

        JsonNode inspected = api.post("/api/v1/returns/" + id + "/inspection", SUPPORT, Map.of("lines", List.of(
                finding(mug, 1, true), finding(shirt, 1, false)))).expect(200).json();
        assertThat(inspected.get("status").asString()).isEqualTo("INSPECTED");
        assertThat(inspected.get("settlement").asString()).isEqualTo("REFUND_PENDING");
        assertThat(inspected.get("refundAmount").asLong()).isEqualTo(1250 + 2000);

        JsonNode restock = messages.await(Topics.INVENTORY_COMMANDS, "inventory.restock", id, 1).get(0).json();
        assertThat(restock.get("restockKey").asString()).isEqualTo("return:" + id);
        assertThat(restock.get("reference").asString()).isEqualTo(rma);
        assertThat(restock.get("lines").size()).isEqualTo(1);
        assertThat(restock.get("lines").get(0).get("sku").asString()).isEqualTo(mug);
        assertThat(restock.get("lines").get(0).get("quantity").asInt()).isEqualTo(1);
        JsonNode refund = messages.await(Topics.PAYMENT_COMMANDS, "payment.refund", order.toString(), 1).get(0).json();
        assertThat(refund.get("refundKey").asString()).isEqualTo("return:" + id);
        assertThat(refund.get("amount").get("amount").asLong()).isEqualTo(3250);
        assertThat(refund.get("amount").get("currency").asString()).isEqualTo("EUR");

        // another return's refund of the same order changes nothing here
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-1", "re-0",
                Money.of(999, "EUR"), "return:" + UUID.randomUUID()));
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-1", "re-1",
                Money.of(3250, "EUR"), "return:" + id));

        awaitStatus(id, alice, "REFUNDED");
        JsonNode refunded = event("returns.refunded", id).json();
        assertThat(refunded.get("amount").get("amount").asLong()).isEqualTo(3250);
        assertThat(refunded.get("lines").size()).isEqualTo(2);
        JsonNode detail = api.get("/api/v1/returns/" + id, customer(alice)).expect(200).json();
        assertThat(detail.get("refundAmount").asLong()).isEqualTo(3250);
        assertThat(detail.get("settlement").isNull()).isTrue();
        List<String> moves = new ArrayList<>();
        detail.get("history").forEach(m -> moves.add(m.get("to").asString()));
        assertThat(moves).containsExactly("REQUESTED", "APPROVED", "RECEIVED", "INSPECTED", "REFUNDED");
        // the customer sees that staff acted and what the approval mail told them, not who or staff's notes
        assertThat(detail.get("history").get(1).get("by").asString()).isEqualTo("staff");
        assertThat(detail.get("history").get(1).get("note").asString()).isEqualTo("ok");
        assertThat(detail.get("history").get(0).get("by").asString()).isEqualTo(alice);
        assertThat(detail.get("history").get(4).get("by").asString()).isEqualTo("returns-service");
        assertThat(detail.get("history").get(4).get("note").isNull()).as("the refund's id at payment-service").isTrue();
        JsonNode forStaff = api.get("/api/v1/returns/" + id, SUPPORT).expect(200).json();
        assertThat(forStaff.get("history").get(1).get("by").asString()).isEqualTo("staff-support");
        assertThat(forStaff.get("history").get(4).get("note").asString()).isEqualTo("refund re-1");
    }

    /**
     * A refund gives back what the customer paid, after offers and the coupon, never the catalog price;
     * the units of a line returned in two returns give back, together, exactly what the line cost.
     */
    @Test
    void aDiscountedOrderIsRefundedWhatWasPaidForTheUnitsNotTheirCatalogPrice() {
        UUID order = UUID.randomUUID();
        // three mugs at 12.50 with 12.50 off the line, a shirt at 20.00 with half off
        messages.send(Topics.ORDER_EVENTS, order.toString(), new OrderDelivered(order, "TND-2026-"
                + order.toString().substring(0, 6), alice, List.of(
                new OrderLine(mug, "p-mug", "Taza", 3, Money.of(1250, "EUR"), Money.of(2500, "EUR")),
                new OrderLine(shirt, "p-shirt", "Camiseta", 1, Money.of(2000, "EUR"), Money.of(1000, "EUR"))),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        awaitDelivered(order);

        String first = returned(order, "REFUND", Map.of(mug, 1, shirt, 1), null);
        JsonNode lines = api.get("/api/v1/returns/" + first, customer(alice)).expect(200).json().get("lines");
        assertThat(lines.valueStream().map(l -> l.get("paid").asLong())).containsExactlyInAnyOrder(833L, 1000L);
        assertThat(settled(first, Map.of(mug, 1, shirt, 1))).isEqualTo(833 + 1000);
        assertThat(messages.await(Topics.PAYMENT_COMMANDS, "payment.refund", order.toString(), 1).get(0).json()
                .get("amount").get("amount").asLong()).isEqualTo(1833);

        String rest = returned(order, "REFUND", Map.of(mug, 2), null);
        assertThat(settled(rest, Map.of(mug, 2))).as("the rest of what the mugs cost").isEqualTo(2500 - 833);
    }

    /**
     * A withdrawn return gives its units back but not the share it was priced at: the returns that stand
     * after it still give back, together, exactly what the line cost and never more (payment-service
     * refuses a refund beyond what the payment captured, and would refuse the last one for ever).
     */
    @Test
    void returnsOfALineGiveBackWhatItCostAfterAnEarlierReturnIsWithdrawn() {
        UUID order = UUID.randomUUID();
        // three mugs for 40.01: the shares are 13.33, 13.34 and 13.34
        messages.send(Topics.ORDER_EVENTS, order.toString(), new OrderDelivered(order, "TND-2026-"
                + order.toString().substring(0, 6), alice, List.of(
                new OrderLine(mug, "p-mug", "Taza", 3, Money.of(1500, "EUR"), Money.of(4001, "EUR"))),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        awaitDelivered(order);

        String a = returned(order, "REFUND", Map.of(mug, 1), null);
        String b = returned(order, "REFUND", Map.of(mug, 1), null);
        api.post("/api/v1/returns/" + a + "/cancellation", customer(alice), null).expect(200);
        String c = returned(order, "REFUND", Map.of(mug, 2), null);

        assertThat(paid(b) + paid(c)).isEqualTo(4001);
        assertThat(settled(b, Map.of(mug, 1)) + settled(c, Map.of(mug, 2))).isEqualTo(4001);
    }

    private long paid(String id) {
        return api.get("/api/v1/returns/" + id, customer(alice)).expect(200).json().get("lines").get(0).get("paid")
                .asLong();
    }

    /** Approves, receives and inspects a return, accepting {@code accepted} units per SKU; answers its refund. */
    private long settled(String id, Map<String, Integer> accepted) {
        api.post("/api/v1/returns/" + id + "/approval", SUPPORT, null).expect(200);
        api.post("/api/v1/returns/" + id + "/receipt", SUPPORT, null).expect(200);
        List<Map<String, Object>> findings = new ArrayList<>();
        accepted.forEach((sku, units) -> findings.add(finding(sku, units, true)));
        return api.post("/api/v1/returns/" + id + "/inspection", SUPPORT, Map.of("lines", findings)).expect(200).json()
                .get("refundAmount").asLong();
    }

    @Test
    void aFailedRefundIsShownToStaffWhoMayAskAgain() {
        UUID order = delivered(alice, Instant.now());
        String id = inspectedReturn(order, "REFUND", null);
        messages.await(Topics.PAYMENT_COMMANDS, "payment.refund", order.toString(), 1);

        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, null, null,
                Money.of(1250, "EUR"), "provider-unavailable", "return:" + id));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/returns/" + id, SUPPORT).expect(200).text("settlement")).isEqualTo("REFUND_FAILED"));
        assertThat(api.get("/api/v1/returns/" + id, SUPPORT).text("settlementNote")).contains("provider-unavailable");
        api.post("/api/v1/returns/" + id + "/settlement", customer(alice), null).expectProblem(403, "forbidden");

        assertThat(api.post("/api/v1/returns/" + id + "/settlement", MANAGER, null).expect(200).text("settlement"))
                .isEqualTo("REFUND_PENDING");
        List<EventMessages.Published> refunds = messages.await(Topics.PAYMENT_COMMANDS, "payment.refund",
                order.toString(), 2);
        String retryKey = refunds.stream().map(p -> p.json().get("refundKey").asString())
                .filter(key -> !key.equals("return:" + id)).findFirst().orElseThrow();
        assertThat(retryKey).startsWith("return:" + id + ":");
        api.post("/api/v1/returns/" + id + "/settlement", MANAGER, null).expectProblem(409, "illegal-transition");

        // the first attempt's failure once more (payment-service answers a key the same way forever): the
        // attempt asked since still stands, and its success, behind it on the partition, settles the return
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, null, null,
                Money.of(1250, "EUR"), "provider-unavailable", "return:" + id));
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-1", "re-2",
                Money.of(1250, "EUR"), retryKey));
        awaitStatus(id, alice, "REFUNDED");
    }

    /**
     * payment-service confirms the refund, then the provider fails it (the card was closed): the return
     * goes back to a failed refund, as if it had failed at once, and staff ask again. Only a failure of the
     * return's latest attempt does that, once however often it is delivered.
     */
    @Test
    void aRefundThatFailsAfterItSucceededIsAFailedRefundAgainThatStaffMayAskAgain() {
        UUID order = delivered(alice, Instant.now());
        String idempotencyKey = "ret-" + UUID.randomUUID();
        String id = inspectedReturn(order, "REFUND", null, idempotencyKey);
        messages.await(Topics.PAYMENT_COMMANDS, "payment.refund", order.toString(), 1);
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-1", "re-1",
                Money.of(1250, "EUR"), "return:" + id));
        awaitStatus(id, alice, "REFUNDED");
        event("returns.refunded", id);

        // failures of refunds that are not this return's change nothing: another return's, the checkout's
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, "pay-1", "re-0",
                Money.of(999, "EUR"), "expired_or_canceled_card", "return:" + UUID.randomUUID()));
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, "pay-1", "re-9",
                Money.of(3250, "EUR"), "expired_or_canceled_card", "chk_" + UUID.randomUUID() + "-refund"));
        processedUpTo(order);
        assertThat(api.get("/api/v1/returns/" + id, SUPPORT).expect(200).text("status")).isEqualTo("REFUNDED");

        PaymentRefundFailed lateFailure = new PaymentRefundFailed(order, "pay-1", "re-1", Money.of(1250, "EUR"),
                "expired_or_canceled_card", "return:" + id);
        UUID lateFailureId = messages.send(Topics.PAYMENT_EVENTS, order.toString(), lateFailure);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/returns/" + id, SUPPORT).expect(200).text("settlement")).isEqualTo("REFUND_FAILED"));
        JsonNode forStaff = api.get("/api/v1/returns/" + id, SUPPORT).expect(200).json();
        assertThat(forStaff.get("status").asString()).isEqualTo("INSPECTED");
        assertThat(forStaff.get("refundAmount").asLong()).isEqualTo(1250);
        assertThat(forStaff.get("settlementNote").asString()).contains("after it had succeeded")
                .contains("expired_or_canceled_card");
        JsonNode last = forStaff.get("history").get(forStaff.get("history").size() - 1);
        assertThat(last.get("from").asString()).isEqualTo("REFUNDED");
        assertThat(last.get("to").asString()).isEqualTo("INSPECTED");
        assertThat(last.get("by").asString()).isEqualTo("returns-service");
        assertThat(last.get("note").asString()).contains("expired_or_canceled_card");
        JsonNode forCustomer = api.get("/api/v1/returns/" + id, customer(alice)).expect(200).json();
        assertThat(forCustomer.get("status").asString()).isEqualTo("INSPECTED");
        assertThat(hidden(forCustomer, "settlementNote")).isTrue();
        // why payment-service failed it is staff's on every answer the customer gets: their list, and the
        // request that created the return sent again
        JsonNode listedForCustomer = listed(api.get("/api/v1/returns", customer(alice)), id);
        assertThat(listedForCustomer.get("settlement").asString()).isEqualTo("REFUND_FAILED");
        assertThat(hidden(listedForCustomer, "settlementNote")).as("the customer's list").isTrue();
        assertThat(listed(api.get("/api/v1/returns?settlement=REFUND_FAILED&size=100", SUPPORT), id)
                .get("settlementNote").asString()).contains("expired_or_canceled_card");
        ApiReply replayed = api.post("/api/v1/returns", customer(alice), returnBody(order, "REFUND", null),
                idempotencyKey).expect(201);
        assertThat(replayed.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.text("id")).isEqualTo(id);
        assertThat(hidden(replayed.json(), "settlementNote")).as("the replayed creation").isTrue();
        int moves = forStaff.get("history").size();

        // the same failure delivered again is applied once
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), lateFailureId, lateFailure);
        processedUpTo(order);
        JsonNode again = api.get("/api/v1/returns/" + id, SUPPORT).expect(200).json();
        assertThat(again.get("history").size()).isEqualTo(moves);
        assertThat(again.get("settlement").asString()).isEqualTo("REFUND_FAILED");
        assertThat(messages.all(Topics.RETURNS_EVENTS, id)).filteredOn(p -> p.type().equals("returns.refunded"))
                .hasSize(1);

        // staff ask again, under a new key, and that refund settles the return
        assertThat(api.post("/api/v1/returns/" + id + "/settlement", MANAGER, null).expect(200).text("settlement"))
                .isEqualTo("REFUND_PENDING");
        String retryKey = messages.await(Topics.PAYMENT_COMMANDS, "payment.refund", order.toString(), 2).stream()
                .map(p -> p.json().get("refundKey").asString()).filter(key -> !key.equals("return:" + id))
                .findFirst().orElseThrow();
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-1", "re-2",
                Money.of(1250, "EUR"), retryKey));
        awaitStatus(id, alice, "REFUNDED");
        assertThat(messages.await(Topics.RETURNS_EVENTS, "returns.refunded", id, 2)).hasSize(2);

        // the first attempt's failure, told once more under a new event id, is an older attempt's: ignored
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), lateFailure);
        processedUpTo(order);
        assertThat(api.get("/api/v1/returns/" + id, SUPPORT).expect(200).text("status")).isEqualTo("REFUNDED");

        // the latest attempt failing late reopens it again
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, "pay-1", "re-2",
                Money.of(1250, "EUR"), "lost_or_stolen_card", retryKey));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/returns/" + id, SUPPORT).expect(200).text("settlementNote"))
                .contains("lost_or_stolen_card"));
    }

    /**
     * The provider cannot take the refund (the card was closed), so a manager pays it by bank transfer and
     * records that: the return is refunded, the customer told, the ledger and the figures told; no late
     * answer to the provider's attempt reopens it.
     */
    @Test
    void aFailedRefundThatStaffPayAnotherWayEndsTheReturnRefunded() {
        UUID order = delivered(alice, Instant.now());
        String id = inspectedReturn(order, "REFUND", null);
        String path = "/api/v1/returns/" + id + "/settlement/outside";
        // the longest note the history takes
        String note = "bank transfer ref. 4471; " + "x".repeat(975);
        Map<String, Object> body = Map.of("note", note);
        messages.await(Topics.PAYMENT_COMMANDS, "payment.refund", order.toString(), 1);
        // only a failed refund can be paid another way
        api.post(path, MANAGER, body).expectProblem(409, "illegal-transition");
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, "pay-1", "re-1",
                Money.of(1250, "EUR"), "expired_or_canceled_card", "return:" + id));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/returns/" + id, SUPPORT).expect(200).text("settlement")).isEqualTo("REFUND_FAILED"));

        api.post(path, SUPPORT, body).expectProblem(403, "forbidden");
        api.post(path, customer(alice), body).expectProblem(403, "forbidden");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("note", " "), Map.of(),
                Map.of("note", List.of("bank transfer")), Map.of("note", "x".repeat(1001)))) {
            ApiReply reply = api.post(path, MANAGER, bad);
            reply.expectProblem(400, bad.get("note") instanceof List ? "invalid-field-type" : "validation");
            assertThat(reply.json().get("errors").get(0).get("field").asString()).as(bad.toString()).isEqualTo("note");
        }
        assertThat(api.get("/api/v1/returns/" + id, SUPPORT).expect(200).text("settlement")).isEqualTo("REFUND_FAILED");

        JsonNode settled = api.post(path, MANAGER, body).expect(200).json();
        assertThat(settled.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(settled.get("refundAmount").asLong()).isEqualTo(1250);
        assertThat(settled.get("settlement").isNull()).isTrue();
        JsonNode forStaff = api.get("/api/v1/returns/" + id, SUPPORT).expect(200).json();
        JsonNode last = forStaff.get("history").get(forStaff.get("history").size() - 1);
        assertThat(last.get("from").asString()).isEqualTo("INSPECTED");
        assertThat(last.get("to").asString()).isEqualTo("REFUNDED");
        assertThat(last.get("note").asString()).isEqualTo("refund paid outside the payment provider: " + note);
        JsonNode fact = event("returns.refund_settled", id).json();
        assertThat(fact.get("orderId").asString()).isEqualTo(order.toString());
        assertThat(fact.get("customerId").asString()).isEqualTo(alice);
        assertThat(fact.get("amount").get("amount").asLong()).isEqualTo(1250);
        assertThat(fact.get("rma").asString()).isEqualTo(forStaff.get("rma").asString());
        assertThat(event("returns.refunded", id).json().get("amount").get("amount").asLong()).isEqualTo(1250);
        // nothing is sent to payment-service, and a second settlement is refused
        assertThat(messages.all(Topics.PAYMENT_COMMANDS, order.toString()))
                .filteredOn(p -> p.type().equals("payment.refund")).hasSize(1);
        api.post(path, MANAGER, body).expectProblem(409, "illegal-transition");

        // the provider's failure told again changes nothing
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, "pay-1", "re-1",
                Money.of(1250, "EUR"), "expired_or_canceled_card", "return:" + id));
        processedUpTo(order);
        assertThat(api.get("/api/v1/returns/" + id, SUPPORT).expect(200).json().get("history").size())
                .isEqualTo(forStaff.get("history").size());
        assertThat(listedPaidTwice()).doesNotContain(id);

        // its refund going through after all: the return stays refunded, and staff can find that the customer
        // was paid twice, once however often it is told
        double counted = paidTwiceCount();
        for (int told = 0; told < 2; told++) {
            messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-1", "re-1",
                    Money.of(1250, "EUR"), "return:" + id));
        }
        processedUpTo(order);
        JsonNode after = api.get("/api/v1/returns/" + id, SUPPORT).expect(200).json();
        assertThat(after.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(after.get("history").size()).isEqualTo(forStaff.get("history").size() + 1);
        JsonNode paidTwice = after.get("history").get(after.get("history").size() - 1);
        assertThat(paidTwice.get("from").asString()).isEqualTo("REFUNDED");
        assertThat(paidTwice.get("to").asString()).isEqualTo("REFUNDED");
        assertThat(paidTwice.get("note").asString()).isEqualTo("refund re-1 of 1250 EUR went through after the refund "
                + "was paid outside the payment provider: the customer was paid twice");
        assertThat(listedPaidTwice()).contains(id);
        assertThat(api.get("/api/v1/returns?paidTwice=false&size=100", SUPPORT).expect(200).json().get("items")
                .valueStream().map(item -> item.get("id").asString())).doesNotContain(id);
        api.get("/api/v1/returns?paidTwice=true", customer(alice)).expectProblem(403, "forbidden");
        api.get("/api/v1/returns?paidTwice=false", customer(alice)).expectProblem(403, "forbidden");
        JsonNode forAlice = api.get("/api/v1/returns/" + id, customer(alice)).expect(200).json();
        JsonNode lastForAlice = forAlice.get("history").get(forAlice.get("history").size() - 1);
        assertThat(lastForAlice.get("note") == null || lastForAlice.get("note").isNull())
                .as("the note is staff's").isTrue();
        assertThat(paidTwiceCount()).isEqualTo(counted + 1);
        assertThat(messages.all(Topics.RETURNS_EVENTS, id)).filteredOn(p -> p.type().equals("returns.refunded"))
                .hasSize(1);
    }

    private List<String> listedPaidTwice() {
        return api.get("/api/v1/returns?paidTwice=true&size=100", SUPPORT).expect(200).json().get("items")
                .valueStream().map(item -> item.get("id").asString()).toList();
    }

    private double paidTwiceCount() {
        return meters.get("returns.refunds.paid.twice").counter().count();
    }

    @Test
    void anExchangeForAnotherVariantEndsExchangedWhenTheReplacementIsConfirmed() {
        UUID order = delivered(alice, Instant.now());
        messages.send(Topics.PRODUCT_EVENTS, "p-shirt", new ProductCreated("p-shirt", "shirt", "Camiseta",
                "c-1", "b-1", List.of(shirt, shirtL), Money.of(2000, "EUR"), true));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from catalog_skus where sku = ?")
                .param(shirtL).query(Integer.class).single() == 1);

        String id = inspectedReturn(order, "EXCHANGE", shirtL);
        UUID replacement = UUID.nameUUIDFromBytes(("replacement:" + id).getBytes());
        JsonNode command = messages.await(Topics.ORDER_COMMANDS, "order.create_replacement", replacement.toString(), 1)
                .get(0).json();
        assertThat(command.get("originalOrderId").asString()).isEqualTo(order.toString());
        assertThat(command.get("customerId").asString()).isEqualTo(alice);
        assertThat(command.get("lines").get(0).get("sku").asString()).isEqualTo(shirtL);
        assertThat(command.get("lines").get(0).get("unitPrice").get("amount").asLong()).isZero();
        assertThat(api.get("/api/v1/returns/" + id, customer(alice)).text("replacementOrderId"))
                .isEqualTo(replacement.toString());
        assertThat(messages.all(Topics.PAYMENT_COMMANDS, order.toString())).isEmpty();

        messages.send(Topics.ORDER_EVENTS, replacement.toString(), new OrderConfirmed(replacement, alice, null,
                List.of(new OrderLine(shirtL, "p-shirt", "Camiseta", 1, Money.of(0, "EUR"))), Money.of(0, "EUR"),
                Instant.now()));

        awaitStatus(id, alice, "EXCHANGED");
        JsonNode exchanged = event("returns.exchanged", id).json();
        assertThat(exchanged.get("replacementOrderId").asString()).isEqualTo(replacement.toString());
        assertThat(exchanged.get("lines").get(0).get("exchangeSku").asString()).isEqualTo(shirtL);
    }

    /**
     * A replacement ships free, yet its units were paid for on the original order: returned, they give back
     * what was paid there for the units they replace (two mugs for 20.01, one of them accepted: 10.00; a shirt
     * at 20.00 bought for 16.00, exchanged for the L: 16.00), refunded to the original order's payment, since
     * the replacement has none of its own; and they may be exchanged for a variant up to the original's price.
     */
    @Test
    void aReturnedReplacementGivesBackWhatWasPaidOnTheOriginalOrderToItsPayment() {
        UUID order = UUID.randomUUID();
        messages.send(Topics.ORDER_EVENTS, order.toString(), new OrderDelivered(order, "TND-2026-"
                + order.toString().substring(0, 6), alice, List.of(
                new OrderLine(mug, "p-mug", "Taza", 2, Money.of(1250, "EUR"), Money.of(2001, "EUR")),
                new OrderLine(shirt, "p-shirt", "Camiseta", 1, Money.of(2000, "EUR"), Money.of(1600, "EUR"))),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        awaitDelivered(order);
        messages.send(Topics.PRODUCT_EVENTS, "p-shirt", new ProductCreated("p-shirt", "shirt", "Camiseta",
                "c-1", "b-1", List.of(shirt, shirtL), Money.of(2000, "EUR"), true));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from catalog_skus where sku = ?")
                .param(shirtL).query(Integer.class).single() == 1);

        String exchange = api.post("/api/v1/returns", customer(alice), Map.of("orderId", order, "resolution",
                "EXCHANGE", "lines", List.of(exchangeLine(mug, 2, mug), exchangeLine(shirt, 1, shirtL))))
                .expect(201).text("id");
        api.post("/api/v1/returns/" + exchange + "/approval", SUPPORT, null).expect(200);
        api.post("/api/v1/returns/" + exchange + "/receipt", SUPPORT, null).expect(200);
        assertThat(api.post("/api/v1/returns/" + exchange + "/inspection", SUPPORT, Map.of("lines", List.of(
                finding(mug, 1, true), finding(shirt, 1, true)))).expect(200).text("settlement"))
                .isEqualTo("EXCHANGE_PENDING");
        UUID replacement = UUID.nameUUIDFromBytes(("replacement:" + exchange).getBytes());
        messages.await(Topics.ORDER_COMMANDS, "order.create_replacement", replacement.toString(), 1);
        List<OrderLine> free = List.of(new OrderLine(mug, "p-mug", "Taza", 1, Money.of(0, "EUR")),
                new OrderLine(shirtL, "p-shirt", "Camiseta", 1, Money.of(0, "EUR")));
        messages.send(Topics.ORDER_EVENTS, replacement.toString(), new OrderConfirmed(replacement, alice, null, free,
                Money.of(0, "EUR"), Instant.now()));
        awaitStatus(exchange, alice, "EXCHANGED");
        messages.send(Topics.ORDER_EVENTS, replacement.toString(), new OrderDelivered(replacement, "TND-2026-"
                + replacement.toString().substring(0, 6), alice, free, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        awaitDelivered(replacement);

        String refund = returned(replacement, "REFUND", Map.of(mug, 1), null);
        assertThat(settled(refund, Map.of(mug, 1))).as("the accepted mug's share of 20.01").isEqualTo(1000);
        JsonNode command = messages.await(Topics.PAYMENT_COMMANDS, "payment.refund", order.toString(), 1).get(0)
                .json();
        assertThat(command.get("orderId").asString()).as("the order that was paid").isEqualTo(order.toString());
        assertThat(command.get("refundKey").asString()).isEqualTo("return:" + refund);
        assertThat(command.get("amount").get("amount").asLong()).isEqualTo(1000);
        assertThat(command.get("amount").get("currency").asString()).isEqualTo("EUR");
        assertThat(messages.all(Topics.PAYMENT_COMMANDS, replacement.toString())).isEmpty();

        // the L back for the M, which sells at what the shirt was bought at before offers
        JsonNode back = api.post("/api/v1/returns", customer(alice), Map.of("orderId", replacement, "resolution",
                "EXCHANGE", "lines", List.of(exchangeLine(shirtL, 1, shirt)))).expect(201).json();
        assertThat(back.get("lines").get(0).get("paid").asLong()).isEqualTo(1600);
        assertThat(back.get("lines").get(0).get("unitPrice").asLong()).isEqualTo(2000);
    }

    /**
     * The replacement ships free, so it may not be a variant dearer than the one bought: one priced above
     * what the shirt was bought at is refused, as is one whose price this service does not know; one the
     * catalog sells at the same price is sent.
     */
    @Test
    void anExchangeForAVariantDearerThanTheOneBoughtOrOfUnknownPriceIsRefused() {
        UUID order = delivered(alice, Instant.now());
        String shirtS = shirtL.replace("SHIRT-L-", "SHIRT-S-");
        // the shirt was bought at 20.00; the product now sells at 25.00
        messages.send(Topics.PRODUCT_EVENTS, "p-shirt", new ProductCreated("p-shirt", "shirt", "Camiseta",
                "c-1", "b-1", List.of(shirt, shirtL), Money.of(2500, "EUR"), true));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from catalog_skus where sku = ?")
                .param(shirtL).query(Integer.class).single() == 1);

        problem(api.post("/api/v1/returns", customer(alice), returnBody(order, "EXCHANGE", shirtL)), 422,
                "return-not-allowed", "lines[" + shirt + "].exchangeSku");

        // a variant this service learnt of from an order's lines only: its price is unknown
        UUID other = UUID.randomUUID();
        messages.send(Topics.ORDER_EVENTS, other.toString(), new OrderDelivered(other, "TND-2026-"
                + other.toString().substring(0, 6), newCustomer(), List.of(
                new OrderLine(shirtS, "p-shirt", "Camiseta", 1, Money.of(1500, "EUR"))), Instant.now()));
        awaitDelivered(other);
        problem(api.post("/api/v1/returns", customer(alice), returnBody(order, "EXCHANGE", shirtS)), 422,
                "return-not-allowed", "lines[" + shirt + "].exchangeSku");

        // the L back at 20.00, priced apart from its product
        UUID priceChange = messages.send(Topics.PRODUCT_EVENTS, "p-shirt", new ProductPriceChanged("p-shirt",
                List.of(new PriceChange(shirtL, Money.of(2500, "EUR"), Money.of(2000, "EUR")))));
        awaitInbox("returns-catalog", priceChange);
        assertThat(api.post("/api/v1/returns", customer(alice), returnBody(order, "EXCHANGE", shirtL)).expect(201)
                .json().get("lines").get(0).get("exchangeSku").asString()).isEqualTo(shirtL);
        assertThat(jdbc.sql("select count(*) from return_requests where order_id = ?").param(order)
                .query(Integer.class).single()).as("the refused requests created nothing").isEqualTo(1);
    }

    /**
     * The catalog's product events say what each variant sells at: a variant priced above its product (and
     * above what the shirt was bought at) is refused from the moment the product is created, and an update
     * that prices it at the product's price lets it be asked for.
     */
    @Test
    void eachVariantsOwnPriceFromTheProductEventsCountsForAnExchange() {
        UUID order = delivered(alice, Instant.now());
        messages.send(Topics.PRODUCT_EVENTS, "p-shirt", new ProductCreated("p-shirt", "shirt", "Camiseta",
                "c-1", "b-1", List.of(shirt, shirtL), Money.of(2000, "EUR"), true,
                List.of(new SkuPrice(shirt, Money.of(2000, "EUR")), new SkuPrice(shirtL, Money.of(2600, "EUR")))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from catalog_skus where sku = ?")
                .param(shirtL).query(Integer.class).single() == 1);

        problem(api.post("/api/v1/returns", customer(alice), returnBody(order, "EXCHANGE", shirtL)), 422,
                "return-not-allowed", "lines[" + shirt + "].exchangeSku");

        UUID update = messages.send(Topics.PRODUCT_EVENTS, "p-shirt", new ProductUpdated("p-shirt", "shirt",
                "Camiseta", "c-1", "b-1", List.of(shirt, shirtL), Money.of(2000, "EUR"), true,
                List.of(new SkuPrice(shirt, Money.of(2000, "EUR")), new SkuPrice(shirtL, Money.of(2000, "EUR")))));
        awaitInbox("returns-catalog", update);
        api.post("/api/v1/returns", customer(alice), returnBody(order, "EXCHANGE", shirtL)).expect(201);
    }

    /**
     * A SKU the catalog no longer sells is never asked for as a replacement, neither another variant nor the
     * same SKU: a variant an update no longer lists, the SKUs of a product deactivated or deleted. Each request
     * is refused naming the line's exchangeSku and creates nothing; a product activated again is sold again, and
     * an update announced before the deletion but delivered after it does not sell it again.
     */
    @Test
    void anExchangeForASkuTheCatalogNoLongerSellsIsRefusedAndChangesNothing() {
        String product = "p-" + shirt;
        String shirtS = shirtL.replace("SHIRT-L-", "SHIRT-S-");
        UUID order = UUID.randomUUID();
        messages.send(Topics.ORDER_EVENTS, order.toString(), new OrderDelivered(order, "TND-2026-"
                + order.toString().substring(0, 6), alice, List.of(
                new OrderLine(shirt, product, "Camiseta", 2, Money.of(2000, "EUR"))),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        awaitDelivered(order);
        awaitInbox("returns-catalog", messages.send(Topics.PRODUCT_EVENTS, product, new ProductCreated(product,
                "shirt", "Camiseta", "c-1", "b-1", List.of(shirt, shirtL, shirtS), Money.of(2000, "EUR"), true)));
        String field = "lines[" + shirt + "].exchangeSku";

        // the S is no longer a variant of the shirt
        awaitInbox("returns-catalog", messages.send(Topics.PRODUCT_EVENTS, product, new ProductUpdated(product,
                "shirt", "Camiseta", "c-1", "b-1", List.of(shirt, shirtL), Money.of(2000, "EUR"), true)));
        ApiReply dropped = api.post("/api/v1/returns", customer(alice), returnBody(order, "EXCHANGE", shirtS));
        problem(dropped, 422, "return-not-allowed", field);
        assertThat(dropped.text("detail")).contains(shirtS).contains("no longer sold");

        // the product deactivated: neither the L nor the shirt bought
        awaitInbox("returns-catalog", messages.send(Topics.PRODUCT_EVENTS, product, new ProductUpdated(product,
                "shirt", "Camiseta", "c-1", "b-1", List.of(shirt, shirtL), Money.of(2000, "EUR"), false)));
        problem(api.post("/api/v1/returns", customer(alice), returnBody(order, "EXCHANGE", shirtL)), 422,
                "return-not-allowed", field);
        problem(api.post("/api/v1/returns", customer(alice), returnBody(order, "EXCHANGE", shirt)), 422,
                "return-not-allowed", field);
        problem(api.post("/api/v1/returns", customer(alice), Map.of("orderId", order, "resolution", "EXCHANGE",
                "lines", List.of(line(shirt, 1, "SIZE_OR_FIT", null)))), 422, "return-not-allowed", field);
        assertThat(jdbc.sql("select count(*) from return_requests where order_id = ?").param(order)
                .query(Integer.class).single()).as("the refused requests created nothing").isZero();

        // activated again, it is sold again; a refund is never refused for it
        awaitInbox("returns-catalog", messages.send(Topics.PRODUCT_EVENTS, product, new ProductUpdated(product,
                "shirt", "Camiseta", "c-1", "b-1", List.of(shirt, shirtL), Money.of(2000, "EUR"), true)));
        assertThat(api.post("/api/v1/returns", customer(alice), returnBody(order, "EXCHANGE", shirtL)).expect(201)
                .json().get("lines").get(0).get("exchangeSku").asString()).isEqualTo(shirtL);

        // deleted: the shirt bought is not sent again either, even once an update announced before the deletion
        // arrives after it
        Instant beforeDeletion = Instant.now().minusMillis(1);
        awaitInbox("returns-catalog", messages.send(Topics.PRODUCT_EVENTS, product,
                new ProductDeleted(product, List.of(shirt, shirtL))));
        catalog.productSkus(product, List.of(shirt, shirtL), Money.of(2000, "EUR"), null, false, true,
                beforeDeletion);
        problem(api.post("/api/v1/returns", customer(alice), returnBody(order, "EXCHANGE", shirt)), 422,
                "return-not-allowed", field);
        problem(api.post("/api/v1/returns", customer(alice), returnBody(order, "EXCHANGE", shirtL)), 422,
                "return-not-allowed", field);
        returned(order, "REFUND", Map.of(shirt, 1), null);
        assertThat(jdbc.sql("select count(*) from return_requests where order_id = ?").param(order)
                .query(Integer.class).single()).isEqualTo(2);
    }

    /**
     * The catalog withdrew the variant asked for after the exchange was requested: at inspection the accepted
     * units are refunded (to the order's payment, what was paid for them) instead of a replacement that could
     * not be sent, and the history says why.
     */
    @Test
    void anExchangeWhoseSkuWasWithdrawnAfterItWasAskedForIsRefundedAtInspection() {
        String product = "p-" + shirt;
        UUID order = UUID.randomUUID();
        messages.send(Topics.ORDER_EVENTS, order.toString(), new OrderDelivered(order, "TND-2026-"
                + order.toString().substring(0, 6), alice, List.of(
                new OrderLine(shirt, product, "Camiseta", 1, Money.of(2000, "EUR"), Money.of(1600, "EUR"))),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        awaitDelivered(order);
        awaitInbox("returns-catalog", messages.send(Topics.PRODUCT_EVENTS, product, new ProductCreated(product,
                "shirt", "Camiseta", "c-1", "b-1", List.of(shirt, shirtL), Money.of(2000, "EUR"), true)));
        String id = api.post("/api/v1/returns", customer(alice), returnBody(order, "EXCHANGE", shirtL)).expect(201)
                .text("id");
        api.post("/api/v1/returns/" + id + "/approval", SUPPORT, null).expect(200);
        api.post("/api/v1/returns/" + id + "/receipt", SUPPORT, null).expect(200);

        // the product deactivated (a recall, say) while the shirt travels back
        awaitInbox("returns-catalog", messages.send(Topics.PRODUCT_EVENTS, product, new ProductUpdated(product,
                "shirt", "Camiseta", "c-1", "b-1", List.of(shirt, shirtL), Money.of(2000, "EUR"), false)));

        JsonNode inspected = api.post("/api/v1/returns/" + id + "/inspection", SUPPORT, Map.of("lines",
                List.of(finding(shirt, 1, true)))).expect(200).json();
        assertThat(inspected.get("status").asString()).isEqualTo("INSPECTED");
        assertThat(inspected.get("resolution").asString()).isEqualTo("REFUND");
        assertThat(inspected.get("settlement").asString()).isEqualTo("REFUND_PENDING");
        assertThat(inspected.get("refundAmount").asLong()).isEqualTo(1600);
        JsonNode refund = messages.await(Topics.PAYMENT_COMMANDS, "payment.refund", order.toString(), 1).get(0).json();
        assertThat(refund.get("refundKey").asString()).isEqualTo("return:" + id);
        assertThat(refund.get("amount").get("amount").asLong()).isEqualTo(1600);
        UUID replacement = UUID.nameUUIDFromBytes(("replacement:" + id).getBytes());
        assertThat(messages.all(Topics.ORDER_COMMANDS, replacement.toString())).isEmpty();
        JsonNode history = api.get("/api/v1/returns/" + id, SUPPORT).expect(200).json().get("history");
        JsonNode why = history.get(history.size() - 1);
        assertThat(why.get("by").asString()).isEqualTo("returns-service");
        assertThat(why.get("note").asString()).contains(shirtL).contains("refunded instead of exchanged");

        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-1", "re-1",
                Money.of(1600, "EUR"), "return:" + id));
        awaitStatus(id, alice, "REFUNDED");
    }

    @Test
    void aRejectedReplacementMayBeRefundedInstead() {
        UUID order = delivered(alice, Instant.now());
        String id = inspectedReturn(order, "EXCHANGE", null);
        UUID replacement = UUID.nameUUIDFromBytes(("replacement:" + id).getBytes());
        messages.await(Topics.ORDER_COMMANDS, "order.create_replacement", replacement.toString(), 1);

        messages.send(Topics.ORDER_EVENTS, replacement.toString(), new OrderRejected(replacement, alice,
                "insufficient-stock"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/returns/" + id, SUPPORT).expect(200).text("settlement")).isEqualTo("EXCHANGE_FAILED"));

        JsonNode switched = api.post("/api/v1/returns/" + id + "/settlement", SUPPORT, null).expect(200).json();
        assertThat(switched.get("resolution").asString()).isEqualTo("REFUND");
        assertThat(switched.get("refundAmount").asLong()).isEqualTo(1250);
        JsonNode refund = messages.await(Topics.PAYMENT_COMMANDS, "payment.refund", order.toString(), 1).get(0).json();
        assertThat(refund.get("refundKey").asString()).isEqualTo("return:" + id);
    }

    /**
     * order-service confirms a free replacement before its stock is committed, and the customer or staff
     * may cancel it until it ships: a replacement cancelled after the return ended EXCHANGED leaves the
     * customer with neither their goods nor a refund. The return goes back to a failed exchange, as if the
     * replacement had been rejected at once, and staff refund it instead; the cancellation told again, or
     * once the return is settled another way, changes nothing.
     */
    @Test
    void aReplacementCancelledAfterItWasConfirmedMayBeRefundedInstead() {
        UUID order = delivered(alice, Instant.now());
        String id = inspectedReturn(order, "EXCHANGE", null);
        UUID replacement = UUID.nameUUIDFromBytes(("replacement:" + id).getBytes());
        messages.await(Topics.ORDER_COMMANDS, "order.create_replacement", replacement.toString(), 1);
        messages.send(Topics.ORDER_EVENTS, replacement.toString(), new OrderConfirmed(replacement, alice, null,
                List.of(new OrderLine(mug, "p-mug", "Taza", 1, Money.of(0, "EUR"))), Money.of(0, "EUR"),
                Instant.now()));
        awaitStatus(id, alice, "EXCHANGED");
        event("returns.exchanged", id);
        api.post("/api/v1/returns/" + id + "/settlement", SUPPORT, null).expectProblem(409, "illegal-transition");

        OrderCancelled cancelled = new OrderCancelled(replacement, alice, "cancelled by customer");
        UUID cancelledId = messages.send(Topics.ORDER_EVENTS, replacement.toString(), cancelled);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/returns/" + id, SUPPORT).expect(200).text("settlement")).isEqualTo("EXCHANGE_FAILED"));
        JsonNode forStaff = api.get("/api/v1/returns/" + id, SUPPORT).expect(200).json();
        assertThat(forStaff.get("status").asString()).isEqualTo("INSPECTED");
        assertThat(forStaff.get("settlementNote").asString()).contains("cancelled by customer");
        JsonNode last = forStaff.get("history").get(forStaff.get("history").size() - 1);
        assertThat(last.get("from").asString()).isEqualTo("EXCHANGED");
        assertThat(last.get("to").asString()).isEqualTo("INSPECTED");
        assertThat(last.get("by").asString()).isEqualTo("returns-service");
        assertThat(last.get("note").asString()).contains(replacement.toString()).contains("cancelled by customer");
        JsonNode forCustomer = api.get("/api/v1/returns/" + id, customer(alice)).expect(200).json();
        assertThat(forCustomer.get("status").asString()).isEqualTo("INSPECTED");
        assertThat(forCustomer.get("settlementNote").isNull()).isTrue();
        // listed with the other failed exchanges that wait for staff
        assertThat(api.get("/api/v1/returns?status=INSPECTED&settlement=EXCHANGE_FAILED&size=100", SUPPORT)
                .expect(200).json().get("items").valueStream().map(item -> item.get("id").asString())).contains(id);
        // as for a replacement rejected at once, no fact of the return's own: order-service's order.cancelled
        // tells the customer and the figures
        assertThat(messages.all(Topics.RETURNS_EVENTS, id)).extracting(EventMessages.Published::type)
                .containsExactlyInAnyOrder("returns.requested", "returns.approved", "returns.received",
                        "returns.exchanged");

        // the same cancellation delivered again is applied once
        int moves = forStaff.get("history").size();
        messages.send(Topics.ORDER_EVENTS, replacement.toString(), cancelledId, cancelled);
        orderEventsProcessedUpTo(replacement);
        assertThat(api.get("/api/v1/returns/" + id, SUPPORT).expect(200).json().get("history").size())
                .isEqualTo(moves);

        JsonNode switched = api.post("/api/v1/returns/" + id + "/settlement", SUPPORT, null).expect(200).json();
        assertThat(switched.get("resolution").asString()).isEqualTo("REFUND");
        assertThat(switched.get("settlement").asString()).isEqualTo("REFUND_PENDING");
        assertThat(switched.get("refundAmount").asLong()).isEqualTo(1250);
        JsonNode refund = messages.await(Topics.PAYMENT_COMMANDS, "payment.refund", order.toString(), 1).get(0).json();
        assertThat(refund.get("refundKey").asString()).isEqualTo("return:" + id);
        assertThat(refund.get("amount").get("amount").asLong()).isEqualTo(1250);

        // the replacement's cancellation or confirmation told again once the return is settled another way
        // changes nothing, while the refund is awaited and once it is made
        messages.send(Topics.ORDER_EVENTS, replacement.toString(), cancelled);
        orderEventsProcessedUpTo(replacement);
        JsonNode pending = api.get("/api/v1/returns/" + id, SUPPORT).expect(200).json();
        assertThat(pending.get("settlement").asString()).isEqualTo("REFUND_PENDING");
        assertThat(pending.get("history").size()).isEqualTo(moves + 1);
        messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-1", "re-1",
                Money.of(1250, "EUR"), "return:" + id));
        awaitStatus(id, alice, "REFUNDED");
        messages.send(Topics.ORDER_EVENTS, replacement.toString(), cancelled);
        messages.send(Topics.ORDER_EVENTS, replacement.toString(), new OrderRejected(replacement, alice,
                "insufficient-stock"));
        messages.send(Topics.ORDER_EVENTS, replacement.toString(), new OrderConfirmed(replacement, alice, null,
                List.of(new OrderLine(mug, "p-mug", "Taza", 1, Money.of(0, "EUR"))), Money.of(0, "EUR"),
                Instant.now()));
        orderEventsProcessedUpTo(replacement);
        JsonNode refunded = api.get("/api/v1/returns/" + id, SUPPORT).expect(200).json();
        assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refunded.get("history").size()).isEqualTo(moves + 2);
        assertThat(messages.all(Topics.PAYMENT_COMMANDS, order.toString()))
                .filteredOn(p -> p.type().equals("payment.refund")).hasSize(1);
        assertThat(messages.all(Topics.RETURNS_EVENTS, id)).filteredOn(p -> p.type().equals("returns.exchanged"))
                .hasSize(1);
    }

    @Test
    void nothingAcceptedRejectsTheReturnTellsTheCustomerAndAsksNothing() {
        UUID order = delivered(alice, Instant.now());
        String id = returned(order, "REFUND", Map.of(mug, 1), null);
        api.post("/api/v1/returns/" + id + "/approval", SUPPORT, null).expect(200);
        api.post("/api/v1/returns/" + id + "/receipt", SUPPORT, null).expect(200);

        JsonNode done = api.post("/api/v1/returns/" + id + "/inspection", SUPPORT, Map.of("lines",
                List.of(finding(mug, 0, true)), "note", "the mug is not ours")).expect(200).json();

        assertThat(done.get("status").asString()).isEqualTo("REJECTED");
        assertThat(done.has("refundAmount") && !done.get("refundAmount").isNull()).isFalse();
        assertThat(done.has("settlement") && !done.get("settlement").isNull()).isFalse();
        JsonNode rejected = messages.await(Topics.RETURNS_EVENTS, "returns.rejected", id, 1).get(0).json();
        assertThat(rejected.get("reason").asString()).isEqualTo(Returns.NOTHING_ACCEPTED);
        assertThat(rejected.get("rma").asString()).isEqualTo(done.get("rma").asString());
        assertThat(messages.all(Topics.PAYMENT_COMMANDS, order.toString())).isEmpty();
        assertThat(messages.all(Topics.INVENTORY_COMMANDS, id)).isEmpty();
        assertThat(messages.all(Topics.RETURNS_EVENTS, id)).extracting(EventMessages.Published::type)
                .containsExactlyInAnyOrder("returns.requested", "returns.approved", "returns.received",
                        "returns.rejected");
        // the staff note stays in the history; the customer is told the fixed reason
        JsonNode history = api.get("/api/v1/returns/" + id, SUPPORT).expect(200).json().get("history");
        assertThat(history.toString()).contains("the mug is not ours").contains(Returns.NOTHING_ACCEPTED);
        // a final move: no settlement can follow
        api.post("/api/v1/returns/" + id + "/settlement", SUPPORT, null).expect(409);
    }

    // ------------------------------------------------------------ what may be returned

    @Test
    void quantitiesAreCheckedAgainstWhatWasBoughtAndWhatOtherReturnsHold() {
        UUID order = delivered(alice, Instant.now());

        problem(api.post("/api/v1/returns", customer(alice), body(order, "REFUND", Map.of(mug, 3))), 422,
                "return-not-allowed", "lines[" + mug + "].quantity");
        String first = returned(order, "REFUND", Map.of(mug, 2), null);
        problem(api.post("/api/v1/returns", customer(alice), body(order, "REFUND", Map.of(mug, 1))), 422,
                "return-not-allowed", "lines[" + mug + "].quantity");
        problem(api.post("/api/v1/returns", customer(alice), body(order, "REFUND", Map.of("PLATE-1", 1))), 422,
                "return-not-allowed", "lines[PLATE-1].sku");
        problem(api.post("/api/v1/returns", customer(alice), Map.of("orderId", order, "resolution", "REFUND",
                "lines", List.of(line(shirt, 1, "OTHER", null), line(shirt, 1, "OTHER", null)))), 422,
                "return-not-allowed", "lines[" + shirt + "]");
        problem(api.post("/api/v1/returns", customer(alice), Map.of("orderId", order, "resolution", "EXCHANGE",
                "lines", List.of(exchangeLine(shirt, 1, "SOMETHING-ELSE")))), 422, "return-not-allowed",
                "lines[" + shirt + "].exchangeSku");

        // a rejected return gives its units back
        api.post("/api/v1/returns/" + first + "/rejection", SUPPORT, Map.of("reason", "used")).expect(200);
        assertThat(event("returns.rejected", first).json().get("reason").asString()).isEqualTo("used");
        returned(order, "REFUND", Map.of(mug, 2), null);
    }

    @Test
    void theReturnWindowClosesAfterThirtyDays() {
        UUID old = delivered(alice, Instant.now().minus(Duration.ofDays(31)));
        problem(api.post("/api/v1/returns", customer(alice), body(old, "REFUND", Map.of(mug, 1))), 422,
                "return-window-closed", null);
        UUID recent = delivered(alice, Instant.now().minus(Duration.ofDays(29)));
        returned(recent, "REFUND", Map.of(mug, 1), null);
    }

    @Test
    void twoConcurrentRequestsForTheSameUnitsDoNotBothSucceed() throws Exception {
        UUID order = delivered(alice, Instant.now());
        List<Integer> statuses = AllAtOnce.run(4,
                i -> api.post("/api/v1/returns", customer(alice), body(order, "REFUND", Map.of(mug, 2))).status());

        assertThat(statuses).containsOnly(201, 422).filteredOn(s -> s == 201).hasSize(1);
        assertThat(jdbc.sql("select coalesce(sum(l.quantity), 0) from return_lines l join return_requests r "
                + "on r.id = l.return_id where r.order_id = ?").param(order).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameReturn() {
        UUID order = delivered(alice, Instant.now());
        String key = "ret-" + UUID.randomUUID();
        ApiReply first = api.post("/api/v1/returns", customer(alice), body(order, "REFUND", Map.of(mug, 1)), key)
                .expect(201);
        ApiReply again = api.post("/api/v1/returns", customer(alice), body(order, "REFUND", Map.of(mug, 1)), key)
                .expect(201);

        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isEqualTo("false");
    }

    /**
     * A key answers the one request it was first sent with: the same key with another body (another
     * resolution, other lines, other quantities) is refused as order-, payment- and inventory-service refuse
     * it, and creates nothing; the first body sent again is still replayed. A key kept before the request's
     * fingerprint was stored keeps replaying.
     */
    @Test
    void aKeyReusedWithAnotherBodyIsRefusedAndCreatesNothing() {
        UUID order = delivered(alice, Instant.now());
        String key = "ret-" + UUID.randomUUID();
        String first = api.post("/api/v1/returns", customer(alice), body(order, "REFUND", Map.of(mug, 1)), key)
                .expect(201).text("id");

        for (Map<String, Object> other : List.of(body(order, "EXCHANGE", Map.of(mug, 1)),
                body(order, "REFUND", Map.of(shirt, 1)), body(order, "REFUND", Map.of(mug, 2)),
                body(order, "REFUND", Map.of(mug, 1, shirt, 1)),
                Map.of("orderId", order, "resolution", "REFUND", "lines", List.of(line(mug, 1, "DAMAGED", null))))) {
            api.post("/api/v1/returns", customer(alice), other, key).expectProblem(422, "idempotency-key-reused");
        }
        assertThat(jdbc.sql("select count(*) from return_requests where order_id = ?").param(order)
                .query(Integer.class).single()).isEqualTo(1);
        ApiReply again = api.post("/api/v1/returns", customer(alice), body(order, "REFUND", Map.of(mug, 1)), key)
                .expect(201);
        assertThat(again.text("id")).isEqualTo(first);
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");

        jdbc.sql("update return_requests set request_fingerprint = null where id = ?").param(UUID.fromString(first))
                .update();
        assertThat(api.post("/api/v1/returns", customer(alice), body(order, "REFUND", Map.of(mug, 1)), key)
                .expect(201).text("id")).isEqualTo(first);
    }

    @Test
    void anIdempotencyKeyOutsideTheFleetsFormatIsRefusedNamingTheHeader() {
        UUID order = delivered(alice, Instant.now());
        for (String key : List.of("x".repeat(256), "has space", "tab\there")) {
            assertThat(api.post("/api/v1/returns", customer(alice), body(order, "REFUND", Map.of(mug, 1)), key)
                    .expectProblem(400, "validation").errorFields()).as(key).containsExactly("Idempotency-Key");
        }
        assertThat(jdbc.sql("select count(*) from return_requests where order_id = ?").param(order)
                .query(Integer.class).single()).isZero();

        String longest = (UUID.randomUUID() + "!~").repeat(7).substring(0, 255);
        ApiReply first = api.post("/api/v1/returns", customer(alice), body(order, "REFUND", Map.of(mug, 1)), longest)
                .expect(201);
        ApiReply again = api.post("/api/v1/returns", customer(alice), body(order, "REFUND", Map.of(mug, 1)), longest)
                .expect(201);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    // ------------------------------------------------------------ who may do what

    @Test
    void customersReachOnlyTheirOwnOrdersAndReturns() {
        UUID order = delivered(alice, Instant.now());
        String bob = newCustomer();
        problem(api.post("/api/v1/returns", customer(bob), body(order, "REFUND", Map.of(mug, 1))), 404, "not-found",
                null);
        problem(api.post("/api/v1/returns", customer(alice), body(UUID.randomUUID(), "REFUND", Map.of(mug, 1))), 404,
                "not-found", null);
        String id = returned(order, "REFUND", Map.of(mug, 1), null);

        api.get("/api/v1/returns/" + id, customer(bob)).expectProblem(404, "not-found");
        api.post("/api/v1/returns/" + id + "/cancellation", customer(bob), null).expectProblem(404, "not-found");
        api.get("/api/v1/returns/" + UUID.randomUUID(), customer(alice)).expectProblem(404, "not-found");
        for (String move : List.of("approval", "receipt", "settlement")) {
            api.post("/api/v1/returns/" + id + "/" + move, customer(alice), null).expectProblem(403, "forbidden");
        }
        api.post("/api/v1/returns/" + id + "/rejection", customer(alice), Map.of("reason", "x"))
                .expectProblem(403, "forbidden");
        api.post("/api/v1/returns/" + id + "/inspection", customer(alice), Map.of("lines",
                List.of(finding(mug, 1, true)))).expectProblem(403, "forbidden");
        api.post("/api/v1/returns", null, body(order, "REFUND", Map.of(mug, 1))).expectProblem(401, "unauthorized");
        assertThat(api.get("/api/v1/returns/" + id, customer(alice)).expect(200).text("status")).isEqualTo("REQUESTED");
        assertThat(api.get("/api/v1/returns/" + id, SUPPORT).expect(200).text("status")).isEqualTo("REQUESTED");
    }

    @Test
    void theCustomerMayWithdrawUntilTheItemsArriveAndIllegalMovesAreConflicts() {
        UUID order = delivered(alice, Instant.now());
        String id = returned(order, "REFUND", Map.of(mug, 1), null);
        api.post("/api/v1/returns/" + id + "/receipt", SUPPORT, null).expectProblem(409, "illegal-transition");
        api.post("/api/v1/returns/" + id + "/inspection", SUPPORT, Map.of("lines", List.of(finding(mug, 1, true))))
                .expectProblem(409, "illegal-transition");
        assertThat(api.post("/api/v1/returns/" + id + "/cancellation", customer(alice), null).expect(200)
                .text("status")).isEqualTo("CANCELLED");
        api.post("/api/v1/returns/" + id + "/approval", SUPPORT, null).expectProblem(409, "illegal-transition");

        String received = returned(order, "REFUND", Map.of(mug, 1), null);
        api.post("/api/v1/returns/" + received + "/approval", SUPPORT, null).expect(200);
        api.post("/api/v1/returns/" + received + "/receipt", SUPPORT, null).expect(200);
        api.post("/api/v1/returns/" + received + "/cancellation", customer(alice), null)
                .expectProblem(409, "illegal-transition");
        api.post("/api/v1/returns/" + received + "/inspection", SUPPORT, Map.of("lines",
                List.of(finding(mug, 2, true)))).expectProblem(422, "return-not-allowed");
    }

    @Test
    void badInputIsABadRequestProblemAndChangesNothing() {
        UUID order = delivered(alice, Instant.now());
        String token = customer(alice);
        List<Object> bodies = List.of(
                Map.of("resolution", "REFUND", "lines", List.of(line(mug, 1, "DAMAGED", null))),
                Map.of("orderId", order, "resolution", "REFUND", "lines", List.of()),
                Map.of("orderId", order, "resolution", "STORE_CREDIT", "lines", List.of(line(mug, 1, "DAMAGED", null))),
                Map.of("orderId", order, "resolution", "REFUND", "lines", List.of(line(mug, 1, "BORED", null))),
                Map.of("orderId", order, "resolution", "REFUND", "lines", List.of(line(mug, 0, "DAMAGED", null))),
                Map.of("orderId", "not-a-uuid", "resolution", "REFUND", "lines", List.of(line(mug, 1, "DAMAGED", null))),
                Map.of("orderId", order, "resolution", "REFUND", "lines", List.of(line("bad sku!", 1, "DAMAGED", null))));
        for (Object body : bodies) {
            ApiReply reply = api.post("/api/v1/returns", token, body);
            assertThat(reply.status()).as(body.toString()).isEqualTo(400);
            assertThat(reply.headers().getContentType()).as(body.toString()).hasToString("application/problem+json");
        }
        String id = returned(order, "REFUND", Map.of(mug, 1), null);
        ApiReply noReason = api.post("/api/v1/returns/" + id + "/rejection", SUPPORT, Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from return_requests where order_id = ?").param(order)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(api.get("/api/v1/returns/" + id, token).text("status")).isEqualTo("REQUESTED");
    }

    // ------------------------------------------------------------ events in

    @Test
    void aDeliveredOrderEventAppliesOnceHoweverOftenItArrives() {
        UUID order = UUID.randomUUID();
        OrderDelivered event = deliveredEvent(order, alice, Instant.now());
        UUID eventId = messages.send(Topics.ORDER_EVENTS, order.toString(), event);
        messages.send(Topics.ORDER_EVENTS, order.toString(), eventId, event);
        messages.send(Topics.ORDER_EVENTS, order.toString(), event);

        awaitDelivered(order);
        assertThat(jdbc.sql("select count(*) from tienda_inbox where consumer = 'returns-orders' and event_id = ?")
                .param(eventId).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select sum(quantity) from delivered_order_lines where order_id = ?").param(order)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void anErasedCustomersReturnsKeepTheirAmountsButNotTheirIdentity() {
        UUID user = UUID.randomUUID();
        String erased = user.toString();
        alice = erased;
        UUID order = delivered(erased, Instant.now());
        String id = returned(order, "REFUND", Map.of(mug, 1), "the handle broke");
        api.post("/api/v1/returns/" + id + "/approval", SUPPORT, null).expect(200);
        api.post("/api/v1/returns/" + id + "/receipt", SUPPORT, null).expect(200);
        api.post("/api/v1/returns/" + id + "/inspection", SUPPORT, Map.of("lines", List.of(finding(mug, 1, true))))
                .expect(200);

        messages.send(Topics.USER_EVENTS, erased, new UserErased(user, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from return_requests "
                + "where customer_id = ?").param(erased).query(Integer.class).single() == 0);
        Map<String, Object> row = jdbc.sql("select customer_id, comment, refund_amount from return_requests where id = ?")
                .param(UUID.fromString(id)).query().singleRow();
        assertThat((String) row.get("customer_id")).startsWith("erased:");
        assertThat(row.get("comment")).isNull();
        assertThat(row.get("refund_amount")).isEqualTo(1250L);
        assertThat(jdbc.sql("select count(*) from return_lines where return_id = ? and comment is not null")
                .param(UUID.fromString(id)).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from delivered_orders where customer_id = ?").param(erased)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from return_status_history where actor = ?").param(erased)
                .query(Integer.class).single()).isZero();
    }

    /**
     * An exchange ships goods to a person, which needs the name and address an erased customer asked us to
     * forget: their exchange, received before the erasure and inspected after it, is refunded to the original
     * payment instead, and the history says why.
     */
    @Test
    void anErasedCustomersExchangeIsRefundedAtInspection() {
        UUID user = UUID.randomUUID();
        alice = user.toString();
        UUID order = delivered(alice, Instant.now());
        String id = api.post("/api/v1/returns", customer(alice), Map.of("orderId", order, "resolution", "EXCHANGE",
                "lines", List.of(line(mug, 1, "DEFECTIVE", null)))).expect(201).text("id");
        api.post("/api/v1/returns/" + id + "/approval", SUPPORT, null).expect(200);
        api.post("/api/v1/returns/" + id + "/receipt", SUPPORT, null).expect(200);

        messages.send(Topics.USER_EVENTS, alice, new UserErased(user, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select customer_id from return_requests "
                + "where id = ?").param(UUID.fromString(id)).query(String.class).single().startsWith("erased:"));

        JsonNode inspected = api.post("/api/v1/returns/" + id + "/inspection", SUPPORT, Map.of("lines",
                List.of(finding(mug, 1, true)))).expect(200).json();
        assertThat(inspected.get("status").asString()).isEqualTo("INSPECTED");
        assertThat(inspected.get("resolution").asString()).isEqualTo("REFUND");
        assertThat(inspected.get("settlement").asString()).isEqualTo("REFUND_PENDING");
        assertThat(inspected.get("refundAmount").asLong()).isEqualTo(1250);
        assertThat(inspected.get("replacementOrderId").isNull()).isTrue();
        JsonNode refund = messages.await(Topics.PAYMENT_COMMANDS, "payment.refund", order.toString(), 1).get(0).json();
        assertThat(refund.get("refundKey").asString()).isEqualTo("return:" + id);
        assertThat(refund.get("amount").get("amount").asLong()).isEqualTo(1250);
        UUID replacement = UUID.nameUUIDFromBytes(("replacement:" + id).getBytes());
        assertThat(messages.all(Topics.ORDER_COMMANDS, replacement.toString())).isEmpty();
        JsonNode history = api.get("/api/v1/returns/" + id, SUPPORT).expect(200).json().get("history");
        JsonNode why = history.get(history.size() - 1);
        assertThat(why.get("to").asString()).isEqualTo("INSPECTED");
        assertThat(why.get("by").asString()).isEqualTo("returns-service");
        assertThat(why.get("note").asString()).isEqualTo("customer erased: refunded instead of exchanged");
    }

    /**
     * order-service still delivers an order that was under way when its customer was erased, and its
     * order.delivered, on another topic, may come after user.erased with the customer's real id: it is
     * recorded under the id the erasure gave the customer's other records.
     */
    @Test
    void anOrderDeliveredAfterItsCustomerWasErasedIsKeptUnderTheErasedId() {
        UUID user = UUID.randomUUID();
        alice = user.toString();
        String id = returned(delivered(alice, Instant.now()), "REFUND", Map.of(mug, 1), null);
        messages.send(Topics.USER_EVENTS, alice, new UserErased(user, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select customer_id from return_requests "
                + "where id = ?").param(UUID.fromString(id)).query(String.class).single().startsWith("erased:"));
        String erasedAs = jdbc.sql("select customer_id from return_requests where id = ?").param(UUID.fromString(id))
                .query(String.class).single();

        UUID late = UUID.randomUUID();
        messages.send(Topics.ORDER_EVENTS, late.toString(), deliveredEvent(late, alice, Instant.now()));
        awaitDelivered(late);

        assertThat(jdbc.sql("select count(*) from delivered_orders where customer_id = ?").param(alice)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select customer_id from delivered_orders where order_id = ?").param(late)
                .query(String.class).single()).isEqualTo(erasedAs);
    }

    // ------------------------------------------------------------ helpers

    /** An order of 2 mugs at 12.50 and 1 shirt at 20.00, delivered at {@code at}, as order-service announces it. */
    private UUID delivered(String customerId, Instant at) {
        UUID order = UUID.randomUUID();
        messages.send(Topics.ORDER_EVENTS, order.toString(), deliveredEvent(order, customerId, at));
        awaitDelivered(order);
        return order;
    }

    private OrderDelivered deliveredEvent(UUID order, String customerId, Instant at) {
        return new OrderDelivered(order, "TND-2026-" + order.toString().substring(0, 6), customerId, List.of(
                new OrderLine(mug, "p-mug", "Taza", 2, Money.of(1250, "EUR")),
                new OrderLine(shirt, "p-shirt", "Camiseta", 1, Money.of(2000, "EUR"))),
                at.truncatedTo(ChronoUnit.MILLIS));
    }

    private void awaitDelivered(UUID order) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from delivered_orders "
                + "where order_id = ?").param(order).query(Integer.class).single() == 1);
    }

    /** A return of {@code units} created by {@link #alice}; answers its id. */
    private String returned(UUID order, String resolution, Map<String, Integer> units, String comment) {
        List<Map<String, Object>> lines = new ArrayList<>();
        units.forEach((sku, quantity) -> lines.add(line(sku, quantity, "DEFECTIVE", comment)));
        return api.post("/api/v1/returns", customer(alice), Map.of("orderId", order, "resolution", resolution,
                "lines", lines)).expect(201).text("id");
    }

    /** One mug sent back, approved, received and accepted (restockable); for an exchange, for {@code exchangeSku}. */
    private String inspectedReturn(UUID order, String resolution, String exchangeSku) {
        return inspectedReturn(order, resolution, exchangeSku, null);
    }

    /** The same, created with an {@code Idempotency-Key} (none when null). */
    private String inspectedReturn(UUID order, String resolution, String exchangeSku, String idempotencyKey) {
        String sku = exchangeSku == null ? mug : shirt;
        Map<String, Object> body = returnBody(order, resolution, exchangeSku);
        String id = (idempotencyKey == null ? api.post("/api/v1/returns", customer(alice), body)
                : api.post("/api/v1/returns", customer(alice), body, idempotencyKey)).expect(201).text("id");
        api.post("/api/v1/returns/" + id + "/approval", SUPPORT, null).expect(200);
        api.post("/api/v1/returns/" + id + "/receipt", SUPPORT, null).expect(200);
        api.post("/api/v1/returns/" + id + "/inspection", SUPPORT, Map.of("lines", List.of(finding(sku, 1, true))))
                .expect(200);
        return id;
    }

    /** What {@link #inspectedReturn} asks for: one mug, or for an exchange one shirt for {@code exchangeSku}. */
    private Map<String, Object> returnBody(UUID order, String resolution, String exchangeSku) {
        return Map.of("orderId", order, "resolution", resolution, "lines", List.of(exchangeSku == null
                ? line(mug, 1, "DEFECTIVE", null) : exchangeLine(shirt, 1, exchangeSku)));
    }

    /** The return {@code id} in a list's page. */
    private static JsonNode listed(ApiReply list, String id) {
        return list.expect(200).json().get("items").valueStream().filter(item -> item.get("id").asString().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(id + " is not listed"));
    }

    /** A field left out of an answer, or null in it. */
    private static boolean hidden(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    private static Map<String, Object> body(UUID order, String resolution, Map<String, Integer> units) {
        List<Map<String, Object>> lines = new ArrayList<>();
        units.forEach((sku, quantity) -> lines.add(line(sku, quantity, "OTHER", null)));
        return Map.of("orderId", order, "resolution", resolution, "lines", lines);
    }

    private static Map<String, Object> line(String sku, int quantity, String reason, String comment) {
        Map<String, Object> line = new HashMap<>(Map.of("sku", sku, "quantity", quantity, "reason", reason));
        if (comment != null) {
            line.put("comment", comment);
        }
        return line;
    }

    private static Map<String, Object> exchangeLine(String sku, int quantity, String exchangeSku) {
        return Map.of("sku", sku, "quantity", quantity, "reason", "SIZE_OR_FIT", "exchangeSku", exchangeSku);
    }

    private static Map<String, Object> finding(String sku, int accepted, boolean restockable) {
        return Map.of("sku", sku, "acceptedQuantity", accepted, "restockable", restockable);
    }

    private static void problem(ApiReply reply, int status, String type, String field) {
        reply.expectProblem(status, type);
        if (field != null) {
            assertThat(reply.text("field")).isEqualTo(field);
        }
    }

    private EventMessages.Published event(String type, String returnId) {
        List<EventMessages.Published> found = messages.await(Topics.RETURNS_EVENTS, type, returnId, 1);
        return found.get(found.size() - 1);
    }

    /**
     * Waits until everything sent on {@code payment.events} under the order's key so far has been
     * consumed: a marker sent behind it (another return's refund, which changes nothing) reaches the
     * inbox only after them.
     */
    private void processedUpTo(UUID order) {
        UUID marker = messages.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-1",
                "re-marker", Money.of(1, "EUR"), "return:" + UUID.randomUUID()));
        awaitInbox("returns-refunds", marker);
    }

    /**
     * The same for {@code order.events} under an order's key: the marker is another order's rejection, which
     * names no replacement here.
     */
    private void orderEventsProcessedUpTo(UUID order) {
        UUID marker = messages.send(Topics.ORDER_EVENTS, order.toString(), new OrderRejected(UUID.randomUUID(), alice,
                "marker"));
        awaitInbox("returns-orders", marker);
    }

    private void awaitInbox(String consumer, UUID eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from tienda_inbox "
                + "where consumer = ? and event_id = ?").param(consumer).param(eventId).query(Integer.class)
                .single() == 1);
    }

    private void awaitStatus(String id, String owner, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/returns/" + id, customer(owner)).expect(200).text("status")).isEqualTo(status));
    }
}
