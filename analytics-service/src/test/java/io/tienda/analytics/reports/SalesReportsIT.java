package io.tienda.analytics.reports;

import io.tienda.analytics.AnalyticsServiceIT;
import io.tienda.analytics.Fixtures;
import io.tienda.analytics.Fixtures.Event;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.http.TestApi;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.analytics.Fixtures.cancelled;
import static io.tienda.analytics.Fixtures.captured;
import static io.tienda.analytics.Fixtures.cartAdd;
import static io.tienda.analytics.Fixtures.checkout;
import static io.tienda.analytics.Fixtures.confirmed;
import static io.tienda.analytics.Fixtures.line;
import static io.tienda.analytics.Fixtures.lineWithoutTotal;
import static io.tienda.analytics.Fixtures.placed;
import static io.tienda.analytics.Fixtures.product;
import static io.tienda.analytics.Fixtures.productUpdated;
import static io.tienda.analytics.Fixtures.refunded;
import static io.tienda.analytics.Fixtures.replacementConfirmed;
import static io.tienda.analytics.Fixtures.replacementPlaced;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sales report against figures computed by hand from a small fixture in the test currency XTS
 * and the spring of 2030 (no other test uses either):
 *
 * <pre>
 * products  P1 shoes/acme S1, P2 shoes/zeta S2, P3 caps->hats/acme S3 (updated later: hats wins)
 * O1 c1 2030-03-04 10:00  S1 2x1000, S3 1x500   =  2500
 * O2 c2 2030-03-04 23:59  S2 1x3000             =  3000
 * O3 c1 2030-03-12        S1 1x1000, S2 3x3000  = 10000   refunded 1000 on 03-20
 * O4 c3 2030-04-02        S3 4x500              =  2000   refunded  500 on 04-05
 * outside: O5 on 02-28, O6 in another currency; O7 placed, never confirmed
 * carts k1..k6 add (k1 twice), k1..k5 start checkout
 * </pre>
 */
class SalesReportsIT extends AnalyticsServiceIT {

    static final String PERIOD = "from=2030-03-01&to=2030-04-30&currency=XTS";
    private static boolean loaded;

    @BeforeEach
    void fixture() {
        if (loaded) {
            return;
        }
        String c = "XTS";
        List<Event> events = new ArrayList<>();
        events.add(product("P1", "shoes", "acme", List.of("S1"), "2030-01-01T00:00:00Z"));
        events.add(product("P2", "shoes", "zeta", List.of("S2"), "2030-01-01T00:00:00Z"));
        events.add(product("P3", "caps", "acme", List.of("S3"), "2030-01-01T00:00:00Z"));
        events.add(productUpdated("P3", "hats", "acme", List.of("S3"), "2030-02-01T00:00:00Z"));
        order(events, "c1", "k1", "2030-03-04T10:00:00Z", line("S1", "P1", 2, 1000, c), line("S3", "P3", 1, 500, c));
        Event o2 = order(events, "c2", "k2", "2030-03-04T23:59:59Z", line("S2", "P2", 1, 3000, c));
        UUID o3 = order(events, "c1", "k3", "2030-03-12T08:00:00Z", line("S1", "P1", 1, 1000, c),
                line("S2", "P2", 3, 3000, c)).key().transform(UUID::fromString);
        UUID o4 = order(events, "c3", "k4", "2030-04-02T12:00:00Z", line("S3", "P3", 4, 500, c))
                .key().transform(UUID::fromString);
        order(events, "c4", "k9", "2030-02-28T12:00:00Z", line("S1", "P1", 1, 1000, c));
        order(events, "c5", "k5", "2030-03-05T12:00:00Z", line("S1", "P1", 1, 99999, "XXX"));
        events.add(placed(UUID.randomUUID(), "c6", "2030-03-06T12:00:00Z", List.of(line("S1", "P1", 1, 1000, c))));
        events.add(refunded(o3, 1000, c, "2030-03-20T00:00:00Z"));
        events.add(refunded(o4, 500, c, "2030-04-05T00:00:00Z"));
        for (int k = 1; k <= 6; k++) {
            events.add(cartAdd("k" + k, "S1", "2030-03-0" + k + "T09:00:00Z"));
        }
        events.add(cartAdd("k1", "S2", "2030-03-01T09:05:00Z"));
        for (int k = 1; k <= 5; k++) {
            events.add(checkout("k" + k, "c" + k, "2030-03-0" + k + "T09:30:00Z"));
        }
        ingest(events);
        // a redelivery of O2's confirmation, alone and in a later batch: counted once
        ingest(o2);
        loaded = true;
    }

    /** Placed and confirmed events of a new order; answers the confirmation. */
    private static Event order(List<Event> events, String customer, String cart, String when, OrderLine... lines) {
        UUID id = UUID.randomUUID();
        events.add(placed(id, customer, when, List.of(lines)));
        Event confirmation = confirmed(id, customer, cart, when, List.of(lines));
        events.add(confirmation);
        return confirmation;
    }

    @Test
    void salesByDayListEveryDayOfThePeriod() {
        JsonNode body = api.get("/api/v1/analytics/sales?" + PERIOD, analyst()).expect(200).json();
        assertThat(body.get("granularity").asString()).isEqualTo("day");
        JsonNode items = body.get("items");
        assertThat(items.size()).isEqualTo(61);
        assertThat(item(items, "2030-03-04")).isEqualTo(List.of(2L, 4L, 5500L));
        assertThat(item(items, "2030-03-12")).isEqualTo(List.of(1L, 4L, 10000L));
        assertThat(item(items, "2030-04-02")).isEqualTo(List.of(1L, 4L, 2000L));
        assertThat(item(items, "2030-03-05")).isEqualTo(List.of(0L, 0L, 0L));
    }

    @Test
    void salesByWeekStartOnMondayAndByMonth() {
        JsonNode weeks = api.get("/api/v1/analytics/sales?granularity=week&" + PERIOD, analyst()).expect(200).json()
                .get("items");
        assertThat(weeks.get(0).get("period").asString()).isEqualTo("2030-02-25");
        assertThat(item(weeks, "2030-03-04")).isEqualTo(List.of(2L, 4L, 5500L));
        assertThat(item(weeks, "2030-03-11")).isEqualTo(List.of(1L, 4L, 10000L));
        assertThat(item(weeks, "2030-04-01")).isEqualTo(List.of(1L, 4L, 2000L));
        JsonNode months = api.get("/api/v1/analytics/sales?granularity=MONTH&" + PERIOD, analyst()).expect(200)
                .json().get("items");
        assertThat(months.size()).isEqualTo(2);
        assertThat(item(months, "2030-03-01")).isEqualTo(List.of(3L, 8L, 15500L));
        assertThat(item(months, "2030-04-01")).isEqualTo(List.of(1L, 4L, 2000L));
    }

    @Test
    void salesByPeriodFilterByCategoryBrandAndSku() {
        JsonNode shoes = api.get("/api/v1/analytics/sales?granularity=month&category=shoes&" + PERIOD, analyst())
                .expect(200).json().get("items");
        assertThat(item(shoes, "2030-03-01")).isEqualTo(List.of(3L, 7L, 15000L));
        assertThat(item(shoes, "2030-04-01")).isEqualTo(List.of(0L, 0L, 0L));
        JsonNode acmeS3 = api.get("/api/v1/analytics/sales?granularity=month&brand=acme&sku=S3&" + PERIOD, analyst())
                .expect(200).json().get("items");
        assertThat(item(acmeS3, "2030-03-01")).isEqualTo(List.of(1L, 1L, 500L));
        assertThat(item(acmeS3, "2030-04-01")).isEqualTo(List.of(1L, 4L, 2000L));
    }

    @Test
    void salesByCategoryTakeTheLatestProductDetails() {
        JsonNode items = api.get("/api/v1/analytics/sales/by-category?" + PERIOD, analyst()).expect(200).json()
                .get("items");
        assertThat(rows(items)).containsExactly(
                List.of("shoes", 3L, 7L, 15000L),
                List.of("hats", 2L, 5L, 2500L));
    }

    @Test
    void salesByBrandAndByProduct() {
        assertThat(rows(api.get("/api/v1/analytics/sales/by-brand?" + PERIOD, analyst()).expect(200).json()
                .get("items"))).containsExactly(List.of("zeta", 2L, 4L, 12000L), List.of("acme", 3L, 8L, 5500L));
        JsonNode products = api.get("/api/v1/analytics/sales/by-product?" + PERIOD, analyst()).expect(200).json()
                .get("items");
        assertThat(rows(products)).containsExactly(List.of("S2", 2L, 4L, 12000L), List.of("S1", 2L, 3L, 3000L),
                List.of("S3", 2L, 5L, 2500L));
        assertThat(products.get(0).get("label").asString()).isEqualTo("Name of S2");
        assertThat(rows(api.get("/api/v1/analytics/sales/by-brand?category=hats&" + PERIOD, analyst()).expect(200)
                .json().get("items"))).containsExactly(List.of("acme", 2L, 5L, 2500L));
    }

    @Test
    void topProductsByRevenueOrUnitsWithALimit() {
        assertThat(rows(api.get("/api/v1/analytics/top-products?limit=2&" + PERIOD, analyst()).expect(200).json()
                .get("items"))).containsExactly(List.of("S2", 2L, 4L, 12000L), List.of("S1", 2L, 3L, 3000L));
        assertThat(rows(api.get("/api/v1/analytics/top-products?by=units&limit=2&" + PERIOD, analyst()).expect(200)
                .json().get("items"))).containsExactly(List.of("S3", 2L, 5L, 2500L), List.of("S2", 2L, 4L, 12000L));
        assertThat(rows(api.get("/api/v1/analytics/top-products?brand=acme&limit=1&" + PERIOD, analyst())
                .expect(200).json().get("items"))).containsExactly(List.of("S1", 2L, 3L, 3000L));
    }

    @Test
    void kpisOfThePeriod() {
        JsonNode k = api.get("/api/v1/analytics/kpis?" + PERIOD, TestTokens.staff("MANAGER")).expect(200).json();
        assertThat(k.get("gmv").asLong()).isEqualTo(17500);
        assertThat(k.get("orders").asLong()).isEqualTo(4);
        assertThat(k.get("averageOrderValue").asLong()).isEqualTo(4375);
        assertThat(k.get("units").asLong()).isEqualTo(12);
        assertThat(k.get("refunds").asLong()).isEqualTo(1500);
        assertThat(k.get("netRevenue").asLong()).isEqualTo(16000);
        assertThat(k.get("refundedOrders").asLong()).isEqualTo(2);
        assertThat(k.get("refundRate").asDouble()).isEqualTo(0.5);
        assertThat(k.get("carts").asLong()).isEqualTo(6);
        assertThat(k.get("conversionRate").asDouble()).isEqualTo(0.6667);
        // March alone: O1..O3
        JsonNode march = api.get("/api/v1/analytics/kpis?from=2030-03-01&to=2030-03-31&currency=XTS", analyst())
                .expect(200).json();
        assertThat(march.get("gmv").asLong()).isEqualTo(15500);
        assertThat(march.get("averageOrderValue").asLong()).isEqualTo(5167);
    }

    /**
     * Revenue is what shoppers paid for the lines, in the currency XPT and May 2031 (no other test uses
     * either): O1 takes 25 % off two PY-1 (paid 1500 for 2x1000) beside a PY-2 nothing was taken off
     * (2800), and charged 500 of shipping on top (total 4800); O2 was published before lines carried
     * what was paid, so its PY-1 counts at the catalog price (1000). O1 is refunded 300. At catalog
     * prices PY-1 would lead with 3000 and GMV would be 5800.
     */
    @Test
    void revenueIsWhatShoppersPaidAfterOffersAndCoupons() {
        String c = "XPT";
        UUID o1 = UUID.randomUUID();
        List<OrderLine> discounted = List.of(line("PY-1", "PY1", 2, 1000, 1500, c), line("PY-2", "PY2", 1, 2800, c));
        Instant may6 = Instant.parse("2031-05-06T10:00:00Z");
        ingest(product("PY1", "deals", "acme", List.of("PY-1"), "2031-01-01T00:00:00Z"),
                product("PY2", "deals", "zeta", List.of("PY-2"), "2031-01-01T00:00:00Z"),
                placed(o1, "py-1", "2031-05-06T09:59:00Z", discounted),
                new Event(Topics.ORDER_EVENTS, o1.toString(), UUID.randomUUID(), may6,
                        new OrderConfirmed(o1, "py-1", "pyk-1", discounted, Money.of(4800, c), may6)),
                confirmed(UUID.randomUUID(), "py-2", "pyk-2", "2031-05-07T10:00:00Z",
                        List.of(lineWithoutTotal("PY-1", "PY1", 1, 1000, c))),
                refunded(o1, 300, c, "2031-05-08T00:00:00Z"));
        assertThat(clickHouse("SELECT quantity, unit_price, line_total FROM analytics.order_lines FINAL "
                + "WHERE currency = 'XPT' ORDER BY occurred_at, line_no"))
                .isEqualTo("2\t1000\t1500\n1\t2800\t2800\n1\t1000\t1000");
        String period = "from=2031-05-01&to=2031-05-31&currency=" + c;

        JsonNode days = api.get("/api/v1/analytics/sales?" + period, analyst()).expect(200).json().get("items");
        assertThat(item(days, "2031-05-06")).isEqualTo(List.of(1L, 3L, 4300L));
        assertThat(item(days, "2031-05-07")).isEqualTo(List.of(1L, 1L, 1000L));
        assertThat(rows(api.get("/api/v1/analytics/sales/by-product?" + period, analyst()).expect(200).json()
                .get("items"))).containsExactly(List.of("PY-2", 1L, 1L, 2800L), List.of("PY-1", 2L, 3L, 2500L));
        assertThat(rows(api.get("/api/v1/analytics/sales/by-brand?" + period, analyst()).expect(200).json()
                .get("items"))).containsExactly(List.of("zeta", 1L, 1L, 2800L), List.of("acme", 2L, 3L, 2500L));
        assertThat(rows(api.get("/api/v1/analytics/sales/by-category?" + period, analyst()).expect(200).json()
                .get("items"))).containsExactly(List.of("deals", 2L, 4L, 5300L));
        assertThat(rows(api.get("/api/v1/analytics/top-products?limit=1&" + period, analyst()).expect(200).json()
                .get("items"))).containsExactly(List.of("PY-2", 1L, 1L, 2800L));

        JsonNode k = api.get("/api/v1/analytics/kpis?" + period, analyst()).expect(200).json();
        assertThat(k.get("gmv").asLong()).isEqualTo(5300);
        assertThat(k.get("orders").asLong()).isEqualTo(2);
        assertThat(k.get("averageOrderValue").asLong()).isEqualTo(2650);
        assertThat(k.get("units").asLong()).isEqualTo(4);
        assertThat(k.get("refunds").asLong()).isEqualTo(300);
        assertThat(k.get("netRevenue").asLong()).isEqualTo(5000);

        JsonNode history = api.get("/api/v1/analytics/forecast?days=3&from=2031-05-01&to=2031-05-10&currency=" + c,
                analyst()).expect(200).json().get("history");
        assertThat(history.get(5).get("day").asString()).isEqualTo("2031-05-06");
        assertThat(history.get(5).get("value").asLong()).isEqualTo(4300);
        assertThat(history.get(6).get("value").asLong()).isEqualTo(1000);

        ApiReply csv = api.send(HttpMethod.GET, "/api/v1/analytics/top-products?" + period, analyst(), null,
                Map.of("Accept", "text/csv")).expect(200);
        assertThat(csv.body()).isEqualTo("sku,name,orders,units,revenue,currency\r\n"
                + "PY-2,Name of PY-2,1,1,2800,XPT\r\nPY-1,Name of PY-1,2,3,2500,XPT\r\n");
        ApiReply kpis = api.send(HttpMethod.GET, "/api/v1/analytics/kpis?" + period, analyst(), null,
                Map.of("Accept", "text/csv")).expect(200);
        assertThat(kpis.body()).contains("2031-05-01,2031-05-31,XPT,5300,300,5000,2,2650,4,1,0.5,");
    }

    /**
     * An exchange's free replacement order is no sale, in the currency XUA and June 2039 (no other test uses
     * either): c-ex bought EX-1 2x1500 (O1, cart exk-1) and exchanged one unit for an EX-2, sent in a
     * replacement order at price 0 that names O1. Every figure is O1's alone: one order of 2 units and
     * 3000, one customer who is not a repeat one, and EX-2 sold nothing.
     */
    @Test
    void aReplacementOrderIsNotCountedAsASale() {
        String c = "XUA";
        UUID o1 = UUID.randomUUID();
        UUID replacement = UUID.randomUUID();
        List<OrderLine> free = List.of(line("EX-2", "EX2", 1, 0, c));
        ingest(product("EX1", "exchanges", "acme", List.of("EX-1"), "2039-01-01T00:00:00Z"),
                product("EX2", "exchanges", "acme", List.of("EX-2"), "2039-01-01T00:00:00Z"),
                cartAdd("exk-1", "EX-1", "2039-06-01T09:00:00Z"),
                checkout("exk-1", "c-ex", "2039-06-01T09:30:00Z"),
                placed(o1, "c-ex", "2039-06-01T10:00:00Z", List.of(line("EX-1", "EX1", 2, 1500, c))),
                confirmed(o1, "c-ex", "exk-1", "2039-06-01T10:00:00Z", List.of(line("EX-1", "EX1", 2, 1500, c))),
                replacementPlaced(replacement, o1, "c-ex", "2039-06-20T10:00:00Z", free),
                replacementConfirmed(replacement, o1, "c-ex", "2039-06-20T10:01:00Z", free));
        String period = "from=2039-06-01&to=2039-06-30&currency=" + c;

        JsonNode k = api.get("/api/v1/analytics/kpis?" + period, analyst()).expect(200).json();
        assertThat(k.get("orders").asLong()).isEqualTo(1);
        assertThat(k.get("units").asLong()).isEqualTo(2);
        assertThat(k.get("gmv").asLong()).isEqualTo(3000);
        assertThat(k.get("averageOrderValue").asLong()).isEqualTo(3000);
        assertThat(k.get("conversionRate").asDouble()).isEqualTo(1.0);
        assertThat(rows(api.get("/api/v1/analytics/top-products?" + period, analyst()).expect(200).json()
                .get("items"))).containsExactly(List.of("EX-1", 1L, 2L, 3000L));
        JsonNode days = api.get("/api/v1/analytics/sales?" + period, analyst()).expect(200).json().get("items");
        assertThat(item(days, "2039-06-20")).isEqualTo(List.of(0L, 0L, 0L));

        JsonNode stages = api.get("/api/v1/analytics/funnel?from=2039-06-01&to=2039-06-30", analyst()).expect(200)
                .json().get("stages");
        assertThat(stages.get(2).get("count").asLong()).as("orders placed").isEqualTo(1);
        assertThat(stages.get(3).get("count").asLong()).as("orders confirmed").isEqualTo(1);
        JsonNode customers = api.get("/api/v1/analytics/customers?from=2039-06-01&to=2039-06-30", analyst())
                .expect(200).json();
        assertThat(customers.get("customers").asLong()).isEqualTo(1);
        assertThat(customers.get("repeatCustomers").asLong()).isZero();
        assertThat(clickHouse("SELECT count() FROM analytics.order_events FINAL WHERE order_id = '"
                + replacement + "'")).isEqualTo("0");
    }

    /**
     * An order cancelled before its payment was captured is no sale: the saga voided its authorisation,
     * so no money was ever taken. One cancelled after the capture stays a sale, its refund subtracted.
     * In the currency FRF and July 2040 (no other test uses either), whichever fact is stored first:
     *
     * <pre>
     * O1 cv-1 07-02 V-1 2x1000            = 2000   cancelled, never captured: no sale
     * O2 cv-2 07-03 V-1 1x1000, V-2 1x3000 = 4000   captured, cancelled, refunded 4000 on 07-04
     * O3 cv-3 07-05 V-2 1x3000            = 3000   captured
     * O4 cv-4 07-06 V-3 1x500             =  500   its cancellation stored before its confirmation, never captured: no sale
     * O5 cv-5 07-08 V-1 1x1000            = 1000   cancelled, its capture stored after the cancellation, refunded 1000 on 07-09
     * </pre>
     * Sales are O2, O3 and O5: GMV 8000, 3 orders, 4 units, AOV 2667, refunds 5000, net revenue 3000.
     */
    @Test
    void anOrderCancelledBeforeItsPaymentWasCapturedIsNoSale() {
        String c = "FRF";
        UUID o1 = UUID.randomUUID();
        UUID o2 = UUID.randomUUID();
        UUID o3 = UUID.randomUUID();
        UUID o4 = UUID.randomUUID();
        UUID o5 = UUID.randomUUID();
        List<OrderLine> l1 = List.of(line("V-1", "PV1", 2, 1000, c));
        List<OrderLine> l2 = List.of(line("V-1", "PV1", 1, 1000, c), line("V-2", "PV2", 1, 3000, c));
        List<OrderLine> l3 = List.of(line("V-2", "PV2", 1, 3000, c));
        List<OrderLine> l4 = List.of(line("V-3", "PV3", 1, 500, c));
        List<OrderLine> l5 = List.of(line("V-1", "PV1", 1, 1000, c));
        List<Event> first = List.of(
                product("PV1", "voids", "acme", List.of("V-1"), "2040-01-01T00:00:00Z"),
                product("PV2", "voids", "acme", List.of("V-2"), "2040-01-01T00:00:00Z"),
                product("PV3", "voids", "acme", List.of("V-3"), "2040-01-01T00:00:00Z"),
                placed(o1, "cv-1", "2040-07-02T10:00:00Z", l1), confirmed(o1, "cv-1", "kv-1", "2040-07-02T10:00:00Z", l1),
                placed(o2, "cv-2", "2040-07-03T10:00:00Z", l2), confirmed(o2, "cv-2", "kv-2", "2040-07-03T10:00:00Z", l2),
                captured(o2, 4000, c, "2040-07-03T10:01:00Z"),
                confirmed(o3, "cv-3", "kv-3", "2040-07-05T10:00:00Z", l3), captured(o3, 3000, c, "2040-07-05T10:01:00Z"),
                cancelled(o4, "cv-4", "2040-07-06T10:05:00Z"),
                confirmed(o5, "cv-5", "kv-5", "2040-07-08T10:00:00Z", l5), cancelled(o5, "cv-5", "2040-07-08T10:03:00Z"));
        List<Event> second = List.of(
                cancelled(o1, "cv-1", "2040-07-02T10:02:00Z"),
                cancelled(o2, "cv-2", "2040-07-04T09:00:00Z"), refunded(o2, 4000, c, "2040-07-04T09:01:00Z"),
                placed(o4, "cv-4", "2040-07-06T10:00:00Z", l4), confirmed(o4, "cv-4", "kv-4", "2040-07-06T10:00:00Z", l4),
                captured(o5, 1000, c, "2040-07-08T10:04:00Z"), refunded(o5, 1000, c, "2040-07-09T00:00:00Z"));
        ingest(first);
        ingest(second);
        // every fact again, in one batch: redeliveries change nothing
        List<Event> again = new ArrayList<>(second);
        again.addAll(first);
        ingest(again);
        String period = "from=2040-07-01&to=2040-07-31&currency=" + c;

        JsonNode k = api.get("/api/v1/analytics/kpis?" + period, analyst()).expect(200).json();
        assertThat(k.get("gmv").asLong()).isEqualTo(8000);
        assertThat(k.get("orders").asLong()).isEqualTo(3);
        assertThat(k.get("units").asLong()).isEqualTo(4);
        assertThat(k.get("averageOrderValue").asLong()).isEqualTo(2667);
        assertThat(k.get("refunds").asLong()).isEqualTo(5000);
        assertThat(k.get("netRevenue").asLong()).isEqualTo(3000);
        assertThat(k.get("refundedOrders").asLong()).isEqualTo(2);
        assertThat(k.get("refundRate").asDouble()).isEqualTo(0.6667);
        ApiReply csv = api.send(HttpMethod.GET, "/api/v1/analytics/kpis?" + period, analyst(), null,
                Map.of("Accept", "text/csv")).expect(200);
        assertThat(csv.body()).contains("2040-07-01,2040-07-31,FRF,8000,5000,3000,3,2667,4,2,0.6667,");

        assertThat(rows(api.get("/api/v1/analytics/top-products?" + period, analyst()).expect(200).json()
                .get("items"))).containsExactly(List.of("V-2", 2L, 2L, 6000L), List.of("V-1", 2L, 2L, 2000L));
        assertThat(rows(api.get("/api/v1/analytics/sales/by-category?" + period, analyst()).expect(200).json()
                .get("items"))).containsExactly(List.of("voids", 3L, 4L, 8000L));
        JsonNode days = api.get("/api/v1/analytics/sales?" + period, analyst()).expect(200).json().get("items");
        assertThat(item(days, "2040-07-02")).isEqualTo(List.of(0L, 0L, 0L));
        assertThat(item(days, "2040-07-03")).isEqualTo(List.of(1L, 2L, 4000L));
        assertThat(item(days, "2040-07-06")).isEqualTo(List.of(0L, 0L, 0L));
        assertThat(item(days, "2040-07-08")).isEqualTo(List.of(1L, 1L, 1000L));
        JsonNode history = api.get("/api/v1/analytics/forecast?days=1&from=2040-07-01&to=2040-07-10&currency=" + c,
                analyst()).expect(200).json().get("history");
        assertThat(history.findValuesAsString("day")).startsWith("2040-07-01", "2040-07-02", "2040-07-03");
        assertThat(history.findValues("value").stream().map(JsonNode::asLong).toList())
                .containsExactly(0L, 0L, 4000L, 0L, 3000L, 0L, 0L, 1000L, 0L, 0L);
        JsonNode customers = api.get("/api/v1/analytics/customers?from=2040-07-01&to=2040-07-31", analyst())
                .expect(200).json();
        assertThat(customers.get("customers").asLong()).isEqualTo(3);
        assertThat(customers.get("newCustomers").asLong()).isEqualTo(3);
        assertThat(customers.get("cohorts").get(0).get("size").asLong()).isEqualTo(3);
    }

    @Test
    void funnelCountsDistinctCartsAndOrders() {
        JsonNode stages = api.get("/api/v1/analytics/funnel?from=2030-03-01&to=2030-04-30", analyst()).expect(200)
                .json().get("stages");
        assertThat(stages.size()).isEqualTo(4);
        assertThat(stages.get(0).get("stage").asString()).isEqualTo("cart_add");
        assertThat(stages.get(0).get("count").asLong()).isEqualTo(6);
        assertThat(stages.get(1).get("count").asLong()).isEqualTo(5);
        // O1..O4 and O7 placed, plus the XXX order O6 (the funnel is about shoppers, not currencies)
        assertThat(stages.get(2).get("count").asLong()).isEqualTo(6);
        assertThat(stages.get(3).get("count").asLong()).isEqualTo(5);
        assertThat(stages.get(1).get("fromPrevious").asDouble()).isEqualTo(0.8333);
        assertThat(stages.get(3).get("fromStart").asDouble()).isEqualTo(0.8333);
    }

    @Test
    void reportsAreCsvWhenAskedFor() {
        ApiReply csv = api.send(HttpMethod.GET, "/api/v1/analytics/sales/by-category?" + PERIOD, analyst(), null,
                Map.of("Accept", "text/csv")).expect(200);
        assertThat(csv.headers().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("category,name,orders,units,revenue,currency\r\n"
                + "shoes,shoes,3,7,15000,XTS\r\nhats,hats,2,5,2500,XTS\r\n");
        ApiReply months = api.send(HttpMethod.GET, "/api/v1/analytics/sales?granularity=month&" + PERIOD, analyst(),
                null, Map.of("Accept", "text/csv")).expect(200);
        assertThat(months.body()).isEqualTo("period,orders,units,revenue,currency\r\n"
                + "2030-03-01,3,8,15500,XTS\r\n2030-04-01,1,4,2000,XTS\r\n");
        ApiReply kpis = api.send(HttpMethod.GET, "/api/v1/analytics/kpis?" + PERIOD, analyst(), null,
                Map.of("Accept", "text/csv")).expect(200);
        assertThat(kpis.body()).startsWith("from,to,currency,gmv,refunds,netRevenue,orders")
                .contains("2030-03-01,2030-04-30,XTS,17500,1500,16000,4,4375,12,2,0.5,6,0.6667");
    }

    @Test
    void badParametersAre400Problems() {
        for (String query : new String[] {
                "sales?from=2030-03-01&to=2030-02-01",
                "sales?from=2030-03-01&to=2030-04-01&granularity=hour",
                "sales?from=2030-03-01&to=2030-04-01&category=a'b",
                "sales?from=2030-03-01&to=2030-04-01&currency=euro",
                "sales/by-product?from=2030-03-01",
                "top-products?from=2030-03-01&to=2030-04-01&limit=0",
                "top-products?from=2030-03-01&to=2030-04-01&limit=101",
                "top-products?from=2030-03-01&to=2030-04-01&limit=many",
                "top-products?from=2030-03-01&to=2030-04-01&by=margin",
                "funnel?from=2020-01-01&to=2030-01-01",
                "forecast?days=0", "forecast?days=91", "forecast?from=2030-03-10&to=2030-03-11",
                "low-stock?limit=1000", "recent-orders?limit=-1"}) {
            api.get("/api/v1/analytics/" + query, analyst()).expectProblem(400, "invalid-parameter");
        }
        // a client that asked for CSV still gets its 400 as a problem
        ApiReply csv = api.send(HttpMethod.GET, "/api/v1/analytics/sales?from=2030-03-01&to=2030-01-01", analyst(),
                null, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(400);
    }

    /** A value outside a parameter's choices is a 400 naming the parameter and what it accepts. */
    @Test
    void aBadChoiceNamesTheParameterAndItsValues() {
        assertBadParameter("top-products?from=2030-03-01&to=2030-04-30&by=x", "by",
                "by must be one of: revenue, units");
        assertBadParameter("top-products?from=2030-03-01&to=2030-04-30&by=margin", "by",
                "by must be one of: revenue, units");
        assertBadParameter("sales?from=2030-03-01&to=2030-04-30&granularity=hour", "granularity",
                "granularity must be one of: day, week, month");
        assertThat(api.get("/api/v1/analytics/top-products?by=Units&" + PERIOD, analyst()).expect(200).json()
                .get("rankedBy").asString()).isEqualTo("units");
    }

    /**
     * A currency must be an ISO 4217 code, the same on every report that takes one; a real code without
     * sales is a report of zeros.
     */
    @Test
    void aCurrencyThatIsNoIso4217CodeIsA400OnEveryReport() {
        String[] reports = {"sales", "sales/by-category", "sales/by-brand", "sales/by-product", "top-products", "kpis",
                "forecast"};
        for (String report : reports) {
            String period = "from=2030-03-01&to=2030-04-30";
            for (String currency : List.of("ZZZ", "XKA", "eur", "euro", "EU")) {
                assertBadParameter(report + "?" + period + "&currency=" + currency, "currency",
                        "currency must be an ISO 4217 code such as EUR");
            }
            ApiReply csv = api.send(HttpMethod.GET, "/api/v1/analytics/" + report + "?" + period + "&currency=ZZZ",
                    analyst(), null, Map.of("Accept", "text/csv"));
            assertThat(csv.status()).as(report).isEqualTo(400);
            assertThat(csv.json().get("errors").get(0).get("field").asString()).isEqualTo("currency");
            api.get("/api/v1/analytics/" + report + "?" + period + "&currency=CHF", analyst()).expect(200);
        }
        JsonNode k = api.get("/api/v1/analytics/kpis?from=2030-03-01&to=2030-04-30&currency=CHF", analyst())
                .expect(200).json();
        assertThat(k.get("gmv").asLong()).isZero();
        assertThat(k.get("orders").asLong()).isZero();
        assertThat(api.get("/api/v1/analytics/top-products?from=2030-03-01&to=2030-04-30&currency=CHF", analyst())
                .expect(200).json().get("items").size()).isZero();
    }

    private void assertBadParameter(String query, String field, String detail) {
        JsonNode problem = api.get("/api/v1/analytics/" + query, analyst()).expectProblem(400, "invalid-parameter")
                .json();
        assertThat(problem.get("detail").asString()).as(query).isEqualTo(detail);
        assertThat(problem.get("errors").get(0).get("field").asString()).as(query).isEqualTo(field);
    }

    @Test
    void daysClickHouseCannotHoldAre400ProblemsNamingTheParameter() {
        String[] reports = {"sales", "sales/by-category", "sales/by-brand", "sales/by-product", "top-products", "kpis",
                "funnel", "customers", "forecast"};
        TestApi api = rawApi();
        Map<String, String> outside = Map.of(
                "from=%2B10000-01-01&to=%2B10000-01-02", "from",
                "from=%2B999999999-12-01&to=%2B999999999-12-31", "from",
                "from=2106-02-01&to=2106-03-01", "from",
                "from=2105-12-01&to=2106-01-01", "to",
                "from=1969-12-31&to=1970-01-10", "from");
        for (String report : reports) {
            outside.forEach((query, parameter) -> {
                for (Map<String, String> accept : List.of(Map.<String, String>of(), Map.of("Accept", "text/csv"))) {
                    ApiReply reply = api.send(HttpMethod.GET, "/api/v1/analytics/" + report + "?" + query, analyst(),
                            null, accept);
                    assertThat(reply.status()).as(report + "?" + query + " " + accept).isEqualTo(400);
                    JsonNode problem = reply.json();
                    assertThat(problem.get("type").asString()).endsWith("/invalid-parameter");
                    assertThat(problem.get("errors").get(0).get("field").asString()).as(report + "?" + query)
                            .isEqualTo(parameter);
                    assertThat(problem.get("detail").asString()).as(report + "?" + query).contains("2105-12-31");
                }
            });
        }
        // a year before 0 is no ISO day for the parameter's type: refused before it reaches the report
        ApiReply negative = api.get("/api/v1/analytics/kpis?from=-0001-01-01&to=-0001-01-05", analyst())
                .expectProblem(400, "invalid-parameter");
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        // only 'to' given: the forecast's default history of 56 days would begin before 1970
        ApiReply early = api.get("/api/v1/analytics/forecast?to=1970-01-10", analyst())
                .expectProblem(400, "invalid-parameter");
        assertThat(early.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        api.get("/api/v1/analytics/forecast?to=%2B999999999-12-31", analyst()).expectProblem(400, "invalid-parameter");

        // The first and last days ClickHouse holds are reports like any other.
        for (String report : reports) {
            api.get("/api/v1/analytics/" + report + "?from=2105-01-01&to=2105-12-31", analyst()).expect(200);
            api.get("/api/v1/analytics/" + report + "?from=1970-01-01&to=1970-12-31", analyst()).expect(200);
        }
        JsonNode last = api.get("/api/v1/analytics/sales?from=2105-12-30&to=2105-12-31&currency=XTS", analyst())
                .expect(200).json();
        assertThat(last.get("items").size()).isEqualTo(2);
    }

    @Test
    void onlyAnalystsManagersAndAdminsReadReports() {
        String[] paths = {"sales?" + PERIOD, "sales/by-category?" + PERIOD, "sales/by-brand?" + PERIOD,
                "sales/by-product?" + PERIOD, "top-products?" + PERIOD, "kpis?" + PERIOD,
                "funnel?from=2030-03-01&to=2030-04-30", "customers?from=2030-03-01&to=2030-04-30", "forecast",
                "low-stock", "recent-orders"};
        for (String path : paths) {
            api.get("/api/v1/analytics/" + path).expectProblem(401, "unauthorized");
            api.get("/api/v1/analytics/" + path, TestTokens.customer(UUID.randomUUID().toString()))
                    .expectProblem(403, "forbidden");
            api.get("/api/v1/analytics/" + path, TestTokens.staff("SUPPORT")).expectProblem(403, "forbidden");
            api.get("/api/v1/analytics/" + path, TestTokens.staff("ADMIN")).expect(200);
            api.get("/api/v1/analytics/" + path, TestTokens.staff("MANAGER")).expect(200);
        }
    }

    private static List<Long> item(JsonNode items, String period) {
        for (JsonNode item : items) {
            if (item.get("period").asString().equals(period)) {
                return List.of(item.get("orders").asLong(), item.get("units").asLong(), item.get("revenue").asLong());
            }
        }
        throw new AssertionError("no bucket " + period + " in " + items);
    }

    private static List<List<Object>> rows(JsonNode items) {
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode item : items) {
            rows.add(List.of(item.get("key").asString(), item.get("orders").asLong(), item.get("units").asLong(),
                    item.get("revenue").asLong()));
        }
        return rows;
    }
}
