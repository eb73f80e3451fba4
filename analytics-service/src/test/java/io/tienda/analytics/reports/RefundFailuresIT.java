package io.tienda.analytics.reports;

import io.tienda.analytics.AnalyticsServiceIT;
import io.tienda.analytics.Fixtures.Event;
import io.tienda.platform.testing.Infra;
import io.tienda.platform.testing.http.ApiReply;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.analytics.Fixtures.confirmed;
import static io.tienda.analytics.Fixtures.line;
import static io.tienda.analytics.Fixtures.refundFailed;
import static io.tienda.analytics.Fixtures.refundSettled;
import static io.tienda.analytics.Fixtures.refunded;
import static io.tienda.analytics.Fixtures.returnRefundSettled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refund payment-service announced ({@code payment.refunded}) and that failed at the provider
 * afterwards ({@code payment.refund_failed} with the same refund id) no longer counts in any figure
 * of the period it was announced in; a refund that failed at once (its id never announced as
 * refunded, or none) changes nothing. Each test has its own month of 2038 in the currency XSU, which
 * no other test uses.
 */
class RefundFailuresIT extends AnalyticsServiceIT {

    private static final String C = "XSU";

    /**
     * March: O1 10000 refunded 1000 (R1), O2 4000 refunded 500 (R2). R1 fails in April: March loses it,
     * April (where the failure falls) has no refund to lose.
     */
    @Test
    void aRefundThatFailsAfterItSucceededNoLongerCountsInItsPeriod() {
        UUID o1 = UUID.randomUUID();
        UUID o2 = UUID.randomUUID();
        ingest(confirmed(o1, "rf-1", "rfk-1", "2038-03-02T10:00:00Z", List.of(line("RF-1", "PRF-1", 1, 10_000, C))),
                confirmed(o2, "rf-2", "rfk-2", "2038-03-03T10:00:00Z", List.of(line("RF-2", "PRF-2", 1, 4_000, C))),
                refunded(o1, "r1-" + o1, 1_000, C, "2038-03-10T00:00:00Z"),
                refunded(o2, "r2-" + o2, 500, C, "2038-03-11T00:00:00Z"));
        String march = "from=2038-03-01&to=2038-03-31&currency=" + C;
        assertRefunds(march, 14_000, 1_500, 2);
        assertThat(kpis(march).get("refundRate").asDouble()).isEqualTo(1.0);

        Event failure = refundFailed(o1, "r1-" + o1, 1_000, C, "2038-04-02T09:00:00Z");
        ingest(failure);

        assertRefunds(march, 14_000, 500, 1);
        assertThat(kpis(march).get("refundRate").asDouble()).isEqualTo(0.5);
        ApiReply csv = api.send(HttpMethod.GET, "/api/v1/analytics/kpis?" + march, analyst(), null,
                Map.of("Accept", "text/csv")).expect(200);
        assertThat(csv.body()).contains("\r\n2038-03-01,2038-03-31,XSU,14000,500,13500,2,7000,2,1,0.5,");
        assertRefunds("from=2038-04-01&to=2038-04-30&currency=" + C, 0, 0, 0);
        assertRefunds("from=2038-03-01&to=2038-04-30&currency=" + C, 14_000, 500, 1);

        // the same failure again, alone and twice in one batch: stored once, nothing changes
        ingest(failure);
        ingest(failure, failure);
        assertRefunds(march, 14_000, 500, 1);
        assertThat(clickHouse("SELECT count() FROM analytics.payment_events WHERE event_id = '"
                + failure.eventId() + "'")).isEqualTo("1");
        assertThat(clickHouse("SELECT type, refund_id, amount FROM analytics.payment_events WHERE event_id = '"
                + failure.eventId() + "'")).isEqualTo("payment.refund_failed\tr1-" + o1 + "\t1000");
    }

    /**
     * May: O3 8000 refunded 2000 (R3). Failures that were never refunds change nothing: an id never
     * announced, one without any id (no refund could be recorded), one of another order. A refund row
     * an earlier version stored without its refund id is not matched by the failure without id either.
     */
    @Test
    void aRefundThatFailedAtOnceChangesNothing() {
        UUID o3 = UUID.randomUUID();
        ingest(confirmed(o3, "rf-3", "rfk-3", "2038-05-02T10:00:00Z", List.of(line("RF-3", "PRF-3", 2, 4_000, C))),
                refunded(o3, "r3-" + o3, 2_000, C, "2038-05-05T00:00:00Z"));
        // as an instance of the earlier version wrote it: no refund_id, which reads ''
        Infra.clickhouse().execute("INSERT INTO analytics.payment_events (event_id, type, order_id, payment_id, "
                + "amount, currency, occurred_at) VALUES ('" + UUID.randomUUID() + "', 'payment.refunded', '" + o3
                + "', 'pay-" + o3 + "', 700, '" + C + "', '2038-05-07 00:00:00')");
        String may = "from=2038-05-01&to=2038-05-31&currency=" + C;
        assertRefunds(may, 8_000, 2_700, 1);

        ingest(refundFailed(o3, "never-" + o3, 2_000, C, "2038-05-06T00:00:00Z"),
                refundFailed(o3, null, 700, C, "2038-05-08T00:00:00Z"),
                refundFailed(UUID.randomUUID(), "other-" + o3, 2_000, C, "2038-05-09T00:00:00Z"));

        assertRefunds(may, 8_000, 2_700, 1);
        assertThat(clickHouse("SELECT count() FROM analytics.payment_events FINAL WHERE type = 'payment.refund_failed'"
                + " AND currency = '" + C + "' AND toYYYYMM(occurred_at) = 203805")).isEqualTo("3");
    }

    /**
     * June: a failure ingested before its refund (a backfill may read them so) still cancels it, in
     * separate batches and in one; redeliveries of either change nothing.
     */
    @Test
    void aFailureIngestedBeforeItsRefundStillCancelsIt() {
        UUID o5 = UUID.randomUUID();
        UUID o6 = UUID.randomUUID();
        Event r5 = refunded(o5, "r5-" + o5, 1_500, C, "2038-06-10T00:00:00Z");
        Event f5 = refundFailed(o5, "r5-" + o5, 1_500, C, "2038-06-20T00:00:00Z");
        Event r6 = refunded(o6, "r6-" + o6, 800, C, "2038-06-11T00:00:00Z");
        Event f6 = refundFailed(o6, "r6-" + o6, 800, C, "2038-06-12T00:00:00Z");
        String june = "from=2038-06-01&to=2038-06-30&currency=" + C;
        ingest(confirmed(o5, "rf-5", "rfk-5", "2038-06-02T10:00:00Z", List.of(line("RF-5", "PRF-5", 1, 6_000, C))),
                confirmed(o6, "rf-6", "rfk-6", "2038-06-03T10:00:00Z", List.of(line("RF-6", "PRF-6", 1, 2_000, C))));

        ingest(f5);
        assertRefunds(june, 8_000, 0, 0);
        ingest(r5);
        assertRefunds(june, 8_000, 0, 0);
        // both in one batch, the failure first
        ingest(f6, r6);
        assertRefunds(june, 8_000, 0, 0);
        // a refund of O6 that did not fail still counts
        ingest(refunded(o6, "r7-" + o6, 300, C, "2038-06-13T00:00:00Z"));
        assertRefunds(june, 8_000, 300, 1);
        // everything again, in another order
        ingest(r6, f5, r5, f6);
        assertRefunds(june, 8_000, 300, 1);
        assertThat(clickHouse("SELECT count() FROM analytics.payment_events WHERE event_id IN ('" + r5.eventId()
                + "', '" + f5.eventId() + "', '" + r6.eventId() + "', '" + f6.eventId() + "')")).isEqualTo("4");
    }

    /**
     * July: a failure may take back part of a refund (payment-service takes a failed provider refund off
     * money it had counted from a charge's statement), and several failures of one refund add up, never
     * beyond what was announced. O7's R7 of 1000 loses 300 and 200, then 800 more: none of it is left, not
     * less. O8's R8 was announced in two parts, 600 on the 10th and 400 on the 20th; a failure of 500
     * takes 300 and 200 off them, in proportion, in the periods of the parts.
     */
    @Test
    void partialFailuresAddUpAndNeverCancelMoreThanWasRefunded() {
        UUID o7 = UUID.randomUUID();
        UUID o8 = UUID.randomUUID();
        String july = "from=2038-07-01&to=2038-07-31&currency=" + C;
        ingest(confirmed(o7, "rf-7", "rfk-7", "2038-07-01T10:00:00Z", List.of(line("RF-7", "PRF-7", 1, 20_000, C))),
                confirmed(o8, "rf-8", "rfk-8", "2038-07-01T11:00:00Z", List.of(line("RF-8", "PRF-8", 1, 5_000, C))),
                refunded(o7, "r7-" + o7, 1_000, C, "2038-07-03T00:00:00Z"));
        ingest(refundFailed(o7, "r7-" + o7, 300, C, "2038-07-04T00:00:00Z"),
                refundFailed(o7, "r7-" + o7, 200, C, "2038-07-05T00:00:00Z"));
        assertRefunds(july, 25_000, 500, 1);
        ingest(refundFailed(o7, "r7-" + o7, 800, C, "2038-07-06T00:00:00Z"));
        assertRefunds(july, 25_000, 0, 0);

        ingest(refunded(o8, "r8-" + o8, 600, C, "2038-07-10T00:00:00Z"),
                refunded(o8, "r8-" + o8, 400, C, "2038-07-20T00:00:00Z"));
        assertRefunds(july, 25_000, 1_000, 1);
        ingest(refundFailed(o8, "r8-" + o8, 500, C, "2038-07-25T00:00:00Z"));
        assertRefunds(july, 25_000, 500, 1);
        assertRefunds("from=2038-07-01&to=2038-07-15&currency=" + C, 25_000, 300, 1);
        assertRefunds("from=2038-07-16&to=2038-07-31&currency=" + C, 0, 200, 1);
    }

    private JsonNode kpis(String period) {
        return api.get("/api/v1/analytics/kpis?" + period, analyst()).expect(200).json();
    }

    /**
     * August: O9's cancellation refund of 6000 was refused at once, O10's of 3000 announced and failed
     * afterwards; staff paid both another way ({@code order.refund_settled}). Each counts as refunded once,
     * however often it arrives, and no failure of the order takes it back.
     */
    @Test
    void refundsStaffPaidAnotherWayCountAsRefunds() {
        UUID o9 = UUID.randomUUID();
        UUID o10 = UUID.randomUUID();
        String august = "from=2038-08-01&to=2038-08-31&currency=" + C;
        ingest(confirmed(o9, "rf-9", "rfk-9", "2038-08-02T10:00:00Z", List.of(line("RF-9", "PRF-9", 1, 6_000, C))),
                confirmed(o10, "rf-10", "rfk-10", "2038-08-03T10:00:00Z",
                        List.of(line("RF-10", "PRF-10", 1, 3_000, C))),
                refundFailed(o9, null, 6_000, C, "2038-08-05T00:00:00Z"),
                refunded(o10, "r10-" + o10, 3_000, C, "2038-08-05T00:00:00Z"),
                refundFailed(o10, "r10-" + o10, 3_000, C, "2038-08-07T00:00:00Z"));
        assertRefunds(august, 9_000, 0, 0);

        Event s9 = refundSettled(o9, 6_000, C, "2038-08-10T00:00:00Z");
        Event s10 = refundSettled(o10, 3_000, C, "2038-08-11T00:00:00Z");
        ingest(s9, s10);
        assertRefunds(august, 9_000, 9_000, 2);
        assertThat(kpis(august).get("netRevenue").asLong()).isZero();

        ingest(s9);
        ingest(s10, s10);
        ingest(refundFailed(o9, null, 6_000, C, "2038-08-12T00:00:00Z"));
        assertRefunds(august, 9_000, 9_000, 2);
        assertThat(clickHouse("SELECT type, order_id, refund_id, amount FROM analytics.payment_events "
                + "WHERE event_id = '" + s9.eventId() + "'")).isEqualTo("order.refund_settled\t" + o9 + "\t\t6000");
        assertThat(clickHouse("SELECT count() FROM analytics.payment_events WHERE event_id IN ('" + s9.eventId()
                + "', '" + s10.eventId() + "')")).isEqualTo("2");
    }

    /**
     * September: O11's return refund of 1500 failed at the provider; staff paid it another way
     * ({@code returns.refund_settled}). It counts once, whatever arrives again, and nets off the revenue.
     */
    @Test
    void returnRefundsStaffPaidAnotherWayCountAsRefunds() {
        UUID o11 = UUID.randomUUID();
        String september = "from=2038-09-01&to=2038-09-30&currency=" + C;
        ingest(confirmed(o11, "rf-11", "rfk-11", "2038-09-02T10:00:00Z",
                        List.of(line("RF-11", "PRF-11", 2, 2_000, C))),
                refundFailed(o11, null, 1_500, C, "2038-09-09T00:00:00Z"));
        assertRefunds(september, 4_000, 0, 0);

        Event settled = returnRefundSettled(o11, UUID.randomUUID(), 1_500, C, "2038-09-12T00:00:00Z");
        ingest(settled, settled);
        ingest(settled);
        assertRefunds(september, 4_000, 1_500, 1);
        assertThat(kpis(september).get("netRevenue").asLong()).isEqualTo(2_500);
    }

    private void assertRefunds(String period, long gmv, long refunds, long refundedOrders) {
        JsonNode k = kpis(period);
        assertThat(k.get("gmv").asLong()).as("gmv of %s", period).isEqualTo(gmv);
        assertThat(k.get("refunds").asLong()).as("refunds of %s", period).isEqualTo(refunds);
        assertThat(k.get("netRevenue").asLong()).as("net revenue of %s", period).isEqualTo(gmv - refunds);
        assertThat(k.get("refundedOrders").asLong()).as("refunded orders of %s", period).isEqualTo(refundedOrders);
    }
}
