package io.tienda.analytics.facts;

import io.tienda.analytics.AnalyticsServiceIT;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.cart.CartItemAdded;
import io.tienda.platform.events.product.ProductCreated;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.saga.OrderPlaced;
import io.tienda.platform.events.saga.PaymentCaptured;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.testing.Infra;
import io.tienda.platform.testing.messaging.EventMessages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events through the broker, as their producers publish them, in the currency XBB and June 2035.
 * Redeliveries (the same event id again, soon or much later, before or after newer events) change
 * no figure and add no row; an unreadable message does not hold up the ones behind it.
 */
class KafkaIngestionIT extends AnalyticsServiceIT {

    static final String KPIS = "/api/v1/analytics/kpis?from=2035-06-01&to=2035-06-30&currency=XBB";

    @Test
    void eventsFromTheTopicsBecomeFactsOnceEach() throws Exception {
        UUID order = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        Instant june = Instant.parse("2035-06-10T12:00:00Z");
        List<OrderLine> lines = List.of(new OrderLine("K-1", "PK-1", "Kettle", 2, Money.of(2500, "XBB")),
                new OrderLine("K-2", "PK-2", "Mug", 1, Money.of(700, "XBB")));
        OrderConfirmed confirmation = new OrderConfirmed(order, "kc-1", "kcart-1", lines, Money.of(5700, "XBB"), june);
        UUID confirmationId = UUID.randomUUID();
        try (EventMessages kafka = new EventMessages(Infra.kafka().bootstrapServers())) {
            kafka.send(Topics.PRODUCT_EVENTS, "PK-1", new ProductCreated("PK-1", "kettle", "Kettle", "kitchen", "acme",
                    List.of("K-1"), Money.of(2500, "XBB"), true));
            kafka.send(Topics.CART_EVENTS, "kcart-1", new CartItemAdded("kcart-1", "kc-1", "K-1", 2, 2,
                    Money.of(2500, "XBB"), june.minusSeconds(600)));
            kafka.send(Topics.ORDER_EVENTS, order.toString(), new OrderPlaced(order, "kc-1", lines,
                    Money.of(5700, "XBB"), june.minusSeconds(60)));
            kafka.send(Topics.ORDER_EVENTS, order.toString(), confirmationId, confirmation);
            kafka.send(Topics.ORDER_EVENTS, order.toString(), confirmationId, confirmation);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode kpis = api.get(KPIS, analyst()).expect(200).json();
                assertThat(kpis.get("gmv").asLong()).isEqualTo(5700);
                assertThat(kpis.get("orders").asLong()).isEqualTo(1);
                assertThat(kpis.get("carts").asLong()).isEqualTo(1);
            });

            // an unreadable message, then a replay of the confirmation well after the first copies, a new
            // order whose confirmation arrives before its placement, and a refund
            kafka.send(Topics.ORDER_EVENTS, order.toString(), UUID.randomUUID(), "order.confirmed", "{\"orderId\":42");
            Thread.sleep(1_500);
            kafka.send(Topics.ORDER_EVENTS, order.toString(), confirmationId, confirmation);
            List<OrderLine> more = List.of(new OrderLine("K-2", "PK-2", "Mug", 3, Money.of(700, "XBB")));
            kafka.send(Topics.ORDER_EVENTS, later.toString(), new OrderConfirmed(later, "kc-2", "kcart-2", more,
                    Money.of(2100, "XBB"), june.plusSeconds(3600)));
            kafka.send(Topics.ORDER_EVENTS, later.toString(), new OrderPlaced(later, "kc-2", more,
                    Money.of(2100, "XBB"), june.plusSeconds(3500)));
            kafka.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "p-1", "r-1",
                    Money.of(700, "XBB")));
            kafka.send(Topics.ORDER_EVENTS, order.toString(), confirmationId, confirmation);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode kpis = api.get(KPIS, analyst()).expect(200).json();
                assertThat(kpis.get("gmv").asLong()).isEqualTo(7800);
                assertThat(kpis.get("orders").asLong()).isEqualTo(2);
                assertThat(kpis.get("units").asLong()).isEqualTo(6);
            });
        }
        // refunds are dated by their envelope (now), so they fall outside June 2035: check the row instead
        assertThat(clickHouse("SELECT count() FROM analytics.order_lines WHERE event_id = '" + confirmationId + "'"))
                .isEqualTo("2");
        assertThat(clickHouse("SELECT count() FROM analytics.order_events WHERE order_id = '" + order + "'"))
                .isEqualTo("2");
        assertThat(clickHouse("SELECT sum(amount) FROM analytics.payment_events WHERE order_id = '" + order
                + "' AND type = 'payment.refunded'")).isEqualTo("700");
        JsonNode categories = api.get("/api/v1/analytics/sales/by-category?from=2035-06-01&to=2035-06-30&currency=XBB",
                analyst()).expect(200).json().get("items");
        assertThat(categories.findValuesAsString("key")).containsExactly("kitchen", "unknown");
    }

    /**
     * In the currency XBC and August 2035: while ClickHouse refuses the inserts (here its order table is
     * moved away) well past the listener's retry budget, nothing is stored and nothing dead-lettered;
     * once the table is back the order is stored, once.
     */
    @Test
    void factsWaitForClickHouseAndAreStoredOnceItIsBack() {
        UUID order = UUID.randomUUID();
        Instant august = Instant.parse("2035-08-10T12:00:00Z");
        List<OrderLine> lines = List.of(new OrderLine("Z-1", "PZ-1", "Lamp", 2, Money.of(1800, "XBC")));
        String kpis = "/api/v1/analytics/kpis?from=2035-08-01&to=2035-08-31&currency=XBC";
        clickHouse("RENAME TABLE analytics.order_events TO analytics.order_events_away");
        try (EventMessages kafka = new EventMessages(Infra.kafka().bootstrapServers())) {
            try {
                kafka.send(Topics.ORDER_EVENTS, order.toString(), new OrderConfirmed(order, "kz-1", "kzcart-1",
                        lines, Money.of(3600, "XBC"), august));
                // the budget is a delivery and three retries, about 2 s at this service's fetch wait
                await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(30)).until(() ->
                        kafka.all(Topics.deadLetter(Topics.ORDER_EVENTS), order.toString()).isEmpty());
            } finally {
                clickHouse("RENAME TABLE analytics.order_events_away TO analytics.order_events");
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode k = api.get(kpis, analyst()).expect(200).json();
                assertThat(k.get("orders").asLong()).isEqualTo(1);
                assertThat(k.get("gmv").asLong()).isEqualTo(3600);
                assertThat(k.get("units").asLong()).isEqualTo(2);
            });
            assertThat(kafka.all(Topics.deadLetter(Topics.ORDER_EVENTS), order.toString())).isEmpty();
        }
    }

    /**
     * Through the broker, in the currency XBD, dated by the envelope (today): payment-service's failure
     * of a refund arrives before the refund itself (as when partitions are read in another order) and
     * again later; it still cancels that refund. A refund that failed at once changes nothing.
     */
    @Test
    void aRefundThatFailedAtTheProviderCountsNothingWhicheverArrivesFirst() {
        UUID order = UUID.randomUUID();
        String key = order.toString();
        UUID failureId = UUID.randomUUID();
        UUID lastId = UUID.randomUUID();
        PaymentRefundFailed failure = new PaymentRefundFailed(order, "p-kr", "re-kr-1", Money.of(900, "XBD"),
                "expired_or_canceled_card", "return:kr-1");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String kpis = "/api/v1/analytics/kpis?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)
                + "&currency=XBD";
        try (EventMessages kafka = new EventMessages(Infra.kafka().bootstrapServers())) {
            kafka.send(Topics.PAYMENT_EVENTS, key, failureId, failure);
            kafka.send(Topics.PAYMENT_EVENTS, key, new PaymentRefunded(order, "p-kr", "re-kr-1", Money.of(900, "XBD"),
                    "return:kr-1"));
            kafka.send(Topics.PAYMENT_EVENTS, key, new PaymentRefunded(order, "p-kr", "re-kr-2", Money.of(250, "XBD")));
            kafka.send(Topics.PAYMENT_EVENTS, key, failureId, failure);
            kafka.send(Topics.PAYMENT_EVENTS, key, lastId, new PaymentRefundFailed(order, "p-kr", "re-kr-3",
                    Money.of(250, "XBD"), "insufficient_funds", null));
        }
        // one partition, in order: once the last event is stored, every one before it is
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(clickHouse(
                "SELECT count() FROM analytics.payment_events WHERE event_id = '" + lastId + "'")).isEqualTo("1"));
        JsonNode k = api.get(kpis, analyst()).expect(200).json();
        assertThat(k.get("refunds").asLong()).isEqualTo(250);
        assertThat(k.get("netRevenue").asLong()).isEqualTo(-250);
        assertThat(k.get("refundedOrders").asLong()).isEqualTo(1);
        assertThat(clickHouse("SELECT count() FROM analytics.payment_events WHERE event_id = '" + failureId + "'"))
                .isEqualTo("1");
        assertThat(clickHouse("SELECT type, refund_id, amount FROM analytics.payment_events FINAL WHERE order_id = '"
                + order + "' ORDER BY type, refund_id")).isEqualTo("payment.refund_failed\tre-kr-1\t900\n"
                + "payment.refund_failed\tre-kr-3\t250\npayment.refunded\tre-kr-1\t900\n"
                + "payment.refunded\tre-kr-2\t250");
    }

    /**
     * In the currency XDR and July 2035: a confirmation whose lines carry what was paid (3 teapots at
     * 1200 for 3000 after an offer, a cup at 500 for 450 with the coupon; the total adds 600 of
     * shipping), and one as published before lines carried it, a body without lineTotal (2 x 1200).
     */
    @Test
    void salesCountWhatWasPaidOrTheCatalogPriceForEventsWithoutIt() {
        UUID discounted = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        UUID discountedEvent = UUID.randomUUID();
        UUID olderEvent = UUID.randomUUID();
        Instant july = Instant.parse("2035-07-10T12:00:00Z");
        List<OrderLine> lines = List.of(
                new OrderLine("KD-1", "PKD-1", "Teapot", 3, Money.of(1200, "XDR"), Money.of(3000, "XDR")),
                new OrderLine("KD-2", "PKD-2", "Cup", 1, Money.of(500, "XDR"), Money.of(450, "XDR")));
        String withoutLineTotal = """
                {"orderId":"%s","customerId":"kd-2","cartId":"kdcart-2","lines":[{"sku":"KD-1","productId":"PKD-1",\
                "name":"Teapot","quantity":2,"unitPrice":{"amount":1200,"currency":"XDR"}}],\
                "total":{"amount":2400,"currency":"XDR"},"confirmedAt":"2035-07-11T12:00:00Z"}""".formatted(older);
        try (EventMessages kafka = new EventMessages(Infra.kafka().bootstrapServers())) {
            kafka.send(Topics.ORDER_EVENTS, discounted.toString(), discountedEvent,
                    new OrderConfirmed(discounted, "kd-1", "kdcart-1", lines, Money.of(4050, "XDR"), july));
            kafka.send(Topics.ORDER_EVENTS, older.toString(), olderEvent, "order.confirmed", withoutLineTotal);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode kpis = api.get("/api/v1/analytics/kpis?from=2035-07-01&to=2035-07-31&currency=XDR", analyst())
                    .expect(200).json();
            assertThat(kpis.get("orders").asLong()).isEqualTo(2);
            assertThat(kpis.get("gmv").asLong()).isEqualTo(3450 + 2400);
            assertThat(kpis.get("averageOrderValue").asLong()).isEqualTo(2925);
            assertThat(kpis.get("units").asLong()).isEqualTo(6);
        });
        assertThat(clickHouse("SELECT line_no, unit_price, line_total FROM analytics.order_lines WHERE event_id = '"
                + discountedEvent + "' ORDER BY line_no")).isEqualTo("0\t1200\t3000\n1\t500\t450");
        assertThat(clickHouse("SELECT unit_price, line_total FROM analytics.order_lines WHERE event_id = '"
                + olderEvent + "'")).isEqualTo("1200\t2400");
        JsonNode days = api.get("/api/v1/analytics/sales?from=2035-07-10&to=2035-07-11&currency=XDR", analyst())
                .expect(200).json().get("items");
        assertThat(days.get(0).get("revenue").asLong()).isEqualTo(3450);
        assertThat(days.get(1).get("revenue").asLong()).isEqualTo(2400);
    }

    /**
     * Through the broker, in the currency DEM and September 2035: the saga cancelled one order before its
     * payment was captured (its cancellation published before its confirmation, and again later), and
     * another after, whose capture and refund payment-service announces on its own topic after the
     * cancellation. Only the second is a sale; its refund is dated by the envelope (today).
     */
    @Test
    void anOrderCancelledWithoutCaptureIsNoSaleWhicheverTopicArrivesFirst() {
        UUID voided = UUID.randomUUID();
        UUID paid = UUID.randomUUID();
        Instant september = Instant.parse("2035-09-10T12:00:00Z");
        List<OrderLine> voidedLines = List.of(new OrderLine("KV-1", "PKV-1", "Vase", 2, Money.of(2000, "DEM")));
        List<OrderLine> paidLines = List.of(new OrderLine("KV-2", "PKV-2", "Bowl", 3, Money.of(500, "DEM")));
        String period = "from=2035-09-01&to=2035-09-30&currency=DEM";
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        UUID voidedCancellation = UUID.randomUUID();
        OrderCancelled cancellation = new OrderCancelled(voided, "kv-1", "payment capture timed out");
        try (EventMessages kafka = new EventMessages(Infra.kafka().bootstrapServers())) {
            kafka.send(Topics.ORDER_EVENTS, voided.toString(), voidedCancellation, cancellation);
            kafka.send(Topics.ORDER_EVENTS, voided.toString(), new OrderConfirmed(voided, "kv-1", "kvcart-1",
                    voidedLines, Money.of(4000, "DEM"), september));
            kafka.send(Topics.ORDER_EVENTS, paid.toString(), new OrderConfirmed(paid, "kv-2", "kvcart-2", paidLines,
                    Money.of(1500, "DEM"), september.plusSeconds(60)));
            kafka.send(Topics.ORDER_EVENTS, paid.toString(), new OrderCancelled(paid, "kv-2", "shopper"));
            kafka.send(Topics.PAYMENT_EVENTS, paid.toString(), new PaymentCaptured(paid, "p-kv", Money.of(1500, "DEM")));
            kafka.send(Topics.PAYMENT_EVENTS, paid.toString(), new PaymentRefunded(paid, "p-kv", "re-kv-1",
                    Money.of(1500, "DEM")));
            kafka.send(Topics.ORDER_EVENTS, voided.toString(), voidedCancellation, cancellation);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(clickHouse("SELECT count() FROM analytics.order_lines WHERE order_id = '" + voided + "'"))
                        .isEqualTo("1");
                assertThat(clickHouse("SELECT count() FROM analytics.payment_events WHERE order_id = '" + paid
                        + "'")).isEqualTo("2");
                JsonNode kpis = api.get("/api/v1/analytics/kpis?" + period, analyst()).expect(200).json();
                assertThat(kpis.get("orders").asLong()).isEqualTo(1);
                assertThat(kpis.get("gmv").asLong()).isEqualTo(1500);
                assertThat(kpis.get("units").asLong()).isEqualTo(3);
            });
        }
        JsonNode top = api.get("/api/v1/analytics/top-products?" + period, analyst()).expect(200).json().get("items");
        assertThat(top.findValuesAsString("key")).containsExactly("KV-2");
        JsonNode refunds = api.get("/api/v1/analytics/kpis?from=" + today + "&to=" + today + "&currency=DEM",
                analyst()).expect(200).json();
        assertThat(refunds.get("refunds").asLong()).isEqualTo(1500);
        // FINAL: the cancellation delivered twice may sit in two parts until ClickHouse merges them
        assertThat(clickHouse("SELECT count() FROM analytics.order_events FINAL WHERE order_id = '" + voided
                + "' AND type = 'order.cancelled'")).isEqualTo("1");
    }
}
