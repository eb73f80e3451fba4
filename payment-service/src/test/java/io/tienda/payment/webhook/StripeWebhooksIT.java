package io.tienda.payment.webhook;

import com.stripe.net.Webhook;
import io.tienda.payment.support.PaymentIT;
import io.tienda.platform.events.Topics;
import io.tienda.platform.testing.messaging.EventMessages;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks in Stripe's format: signatures checked with stripe-java, each event applied once
 * however often it is delivered, deliveries out of order never moving a payment backwards, and
 * refunds made at the provider joining the ledger.
 */
class StripeWebhooksIT extends PaymentIT {

    private static String event(String id, String type, String object) {
        return event(id, type, object, System.currentTimeMillis() / 1000);
    }

    /** An event Stripe made at {@code created} (seconds), the moment of the change it reports. */
    private static String event(String id, String type, String object, long created) {
        return """
                {"id":"%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,"type":"%s",
                 "livemode":false,"pending_webhooks":1,"data":{"object":%s}}
                """.formatted(id, created, type, object);
    }

    /** The refund {@code object} as made at {@code created} (seconds), as Stripe's refund objects say. */
    private static String madeAt(String object, long created) {
        return "{\"created\":" + created + "," + object.substring(object.indexOf('{') + 1);
    }

    private static String intent(String id, String status, long received) {
        return """
                {"id":"%s","object":"payment_intent","amount":3000,"amount_received":%d,"currency":"eur",
                 "status":"%s","metadata":{},"last_payment_error":null,"next_action":null}""".formatted(id, received, status);
    }

    private static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    private String intentOf(UUID payment) {
        return payment(payment).get("provider_payment_id").toString();
    }

    @Test
    void aSignedPaymentIntentSucceededCapturesTheAuthorisationOnce() {
        UUID order = UUID.randomUUID();
        authorize(order, TestTokens.newCustomer(), 3000, "pm_card_visa");
        UUID payment = paymentOf(order);
        String body = event(newEventId(), "payment_intent.succeeded", intent(intentOf(payment), "succeeded", 3000));

        webhook(body).expect(200);
        assertThat(webhook(body).expect(200).json().get("duplicate").asBoolean()).isTrue();

        assertThat(status(payment)).isEqualTo("CAPTURED");
        assertThat(payment(payment)).containsEntry("captured_amount", 3000L);
        assertThat(invoiceNumber(payment)).matches("TIE-\\d{4}-\\d{6,}");
        assertInvoiceSeriesWithoutGaps();
        assertThat(messages().await(Topics.PAYMENT_EVENTS, "payment.captured", order.toString(), 1)).hasSize(1);
        assertThat(metrics()).containsPattern(webhooksCounted("applied", "payment_intent\\.succeeded"))
                .containsPattern(webhooksCounted("duplicate", "payment_intent\\.succeeded"));
    }

    /** What operators scrape: every outcome must carry the same tags, or Prometheus drops it. */
    private String metrics() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    private static String webhooksCounted(String outcome, String type) {
        return "payment_webhooks_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*type=\"" + type + "\"[^}]*} [1-9]";
    }

    @Test
    void aSignatureComputedWithStripesHmacIsAccepted() throws Exception {
        UUID order = UUID.randomUUID();
        authorize(order, TestTokens.newCustomer(), 3000, "pm_card_visa");
        UUID payment = paymentOf(order);
        String body = event(newEventId(), "payment_intent.canceled", intent(intentOf(payment), "canceled", 0));
        long timestamp = Webhook.Util.getTimeNow();
        String signature = Webhook.Util.computeHmacSha256(WEBHOOK_SECRET, timestamp + "." + body);

        webhook(body, "t=" + timestamp + ",v1=" + signature).expect(200);

        assertThat(status(payment)).isEqualTo("VOIDED");
        messages().await(Topics.PAYMENT_EVENTS, "payment.voided", order.toString(), 1);
    }

    @Test
    void aBadSignatureIsRefusedAndChangesNothing() throws Exception {
        UUID order = UUID.randomUUID();
        authorize(order, TestTokens.newCustomer(), 3000, "pm_card_visa");
        UUID payment = paymentOf(order);
        String eventId = newEventId();
        String body = event(eventId, "payment_intent.succeeded", intent(intentOf(payment), "succeeded", 3000));
        long now = Webhook.Util.getTimeNow();
        String wrongSecret = Webhook.Signature.generateSignatureHeader(body, "whsec_not_ours", now);
        String stale = Webhook.Signature.generateSignatureHeader(body, WEBHOOK_SECRET, now - 3_600);
        String forOtherBody = Webhook.Signature.generateSignatureHeader(body.replace("3000", "1"), WEBHOOK_SECRET, now);

        for (String signature : new String[] {wrongSecret, stale, forOtherBody, "garbage", null}) {
            webhook(body, signature).expectProblem(400, "webhook-signature");
        }
        webhook("not json at all", Webhook.Signature.generateSignatureHeader("x", WEBHOOK_SECRET, now))
                .expectProblem(400, "webhook-signature");

        assertThat(status(payment)).isEqualTo("AUTHORIZED");
        assertThat(count("select count(*) from webhook_events where event_id = ?", eventId)).isZero();
        assertThat(metrics()).containsPattern(webhooksCounted("bad-signature", "unknown"));
    }

    @Test
    void deliveriesOutOfOrderNeverMoveAPaymentBackwards() {
        UUID order = UUID.randomUUID();
        authorize(order, TestTokens.newCustomer(), 3000, "pm_card_visa");
        UUID payment = paymentOf(order);
        String pi = intentOf(payment);

        webhook(event(newEventId(), "payment_intent.succeeded", intent(pi, "succeeded", 3000))).expect(200);
        // Older news, delivered late: the authorisation, a failure of an earlier attempt, a cancellation.
        webhook(event(newEventId(), "payment_intent.amount_capturable_updated", intent(pi, "requires_capture", 0)))
                .expect(200);
        webhook(event(newEventId(), "payment_intent.payment_failed", intent(pi, "requires_payment_method", 0)))
                .expect(200);
        webhook(event(newEventId(), "payment_intent.canceled", intent(pi, "canceled", 0))).expect(200);

        assertThat(status(payment)).isEqualTo("CAPTURED");
    }

    @Test
    void anUnknownIntentOrEventTypeIsAcknowledgedAndIgnored() {
        webhook(event(newEventId(), "payment_intent.succeeded", intent("pi_unknown_" + UUID.randomUUID(),
                "succeeded", 10))).expect(200);
        webhook(event(newEventId(), "customer.created", "{\"id\":\"cus_1\",\"object\":\"customer\"}")).expect(200);
    }

    @Test
    void aRefundMadeAtTheProviderJoinsTheLedgerOnceWhateverIsRedelivered() {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 3000);
        String pi = intentOf(payment);
        String refundId = "re_ext_" + UUID.randomUUID().toString().replace("-", "");
        String charge = """
                {"id":"ch_ext","object":"charge","payment_intent":"%s","amount":3000,"amount_captured":3000,
                 "amount_refunded":1200,"refunds":{"object":"list","data":[{"id":"%s","object":"refund",
                 "amount":1200,"payment_intent":"%s","status":"succeeded","metadata":{}}]}}""".formatted(pi, refundId, pi);
        String first = event(newEventId(), "charge.refunded", charge);

        webhook(first).expect(200);
        webhook(first).expect(200);
        webhook(event(newEventId(), "charge.refunded", charge)).expect(200);
        webhook(event(newEventId(), "refund.updated", """
                {"id":"%s","object":"refund","amount":1200,"payment_intent":"%s","status":"succeeded",
                 "metadata":{}}""".formatted(refundId, pi))).expect(200);

        assertThat(count("select count(*) from refunds where payment_id = ? and source = 'PROVIDER'", payment))
                .isEqualTo(1);
        assertThat(payment(payment)).containsEntry("refunded_amount", 1200L);
        assertThat(status(payment)).isEqualTo("PARTIALLY_REFUNDED");
        // What is left may still be refunded here, and no more.
        assertThat(api.post("/api/v1/payments/" + payment + "/refunds", staff("MANAGER"),
                java.util.Map.of("amount", 1801, "reason", "too much"), "k-" + UUID.randomUUID()).status())
                .isEqualTo(409);
        api.post("/api/v1/payments/" + payment + "/refunds", staff("MANAGER"),
                java.util.Map.of("amount", 1800, "reason", "the rest"), "k-" + UUID.randomUUID()).expect(201);
        assertThat(status(payment)).isEqualTo("REFUNDED");
    }

    /** A charge as {@code charge.refunded} carries it since API 2022-11-15: its refunded total, no list of refunds. */
    private static String chargeRefunded(String pi, long amount, long refunded) {
        return """
                {"id":"ch_%s","object":"charge","payment_intent":"%s","amount":%d,"amount_captured":%d,
                 "amount_refunded":%d,"refunded":%b,"metadata":{}}""".formatted(pi, pi, amount, amount, refunded,
                refunded == amount);
    }

    /** A refund made in the dashboard: no metadata of ours. */
    private static String dashboardRefund(String id, String pi, long amount) {
        return """
                {"id":"%s","object":"refund","amount":%d,"charge":"ch_%s","payment_intent":"%s","status":"succeeded",
                 "metadata":{}}""".formatted(id, amount, pi, pi);
    }

    private static String newRefundId() {
        return "re_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The payment's ledger as the webhooks left it: refunded, status, its refunds at the provider, what was announced. */
    private void assertRefundedAtTheProvider(UUID payment, long refunded, String status, String... providerRefundIds) {
        assertThat(payment(payment)).containsEntry("refunded_amount", refunded).containsEntry("refund_pending_amount", 0L);
        assertThat(status(payment)).isEqualTo(status);
        assertThat(jdbc.sql("""
                        select provider_refund_id from refunds where payment_id = :p and source = 'PROVIDER'
                         order by provider_refund_id""")
                .param("p", payment).query(String.class).list()).containsExactly(providerRefundIds);
        assertThat(jdbc.sql("select coalesce(sum(amount), 0) from refunds where payment_id = :p and status = 'SUCCEEDED'")
                .param("p", payment).query(Long.class).single()).isEqualTo(refunded);
        // What payment.events announced adds up to the same money, each refund once.
        assertThat(jdbc.sql("""
                        select serialized_event from event_publication
                         where serialized_event like '%payment.refunded%' and serialized_event like :p""")
                .param("p", "%" + payment + "%").query(String.class).list().stream()
                .mapToLong(StripeWebhooksIT::announcedAmount).sum()).isEqualTo(refunded);
        api.get("/api/v1/payments/" + payment, staff("SUPPORT")).expect(200);
    }

    private static long announcedAmount(String serialized) {
        java.util.regex.Matcher amount = java.util.regex.Pattern.compile("\"amount\":\\{\"amount\":(\\d+)")
                .matcher(serialized.replace("\\", ""));
        if (!amount.find()) {
            throw new AssertionError("no amount in " + serialized);
        }
        return Long.parseLong(amount.group(1));
    }

    @Test
    void aDashboardRefundStatedByChargeRefundedThenNamedByRefundCreatedCountsOnce() {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        String refund = newRefundId();

        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 500))).expect(200);
        webhook(event(newEventId(), "refund.created", dashboardRefund(refund, pi, 500))).expect(200);

        assertRefundedAtTheProvider(payment, 500, "PARTIALLY_REFUNDED", refund);
    }

    @Test
    void aDashboardRefundNamedByRefundCreatedThenStatedByChargeRefundedCountsOnce() {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        String refund = newRefundId();

        webhook(event(newEventId(), "refund.created", dashboardRefund(refund, pi, 500))).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 500))).expect(200);

        assertRefundedAtTheProvider(payment, 500, "PARTIALLY_REFUNDED", refund);
    }

    @Test
    void bothEventsRedeliveredAndSentAgainUnderNewIdsCountTheRefundOnce() {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        String refund = newRefundId();
        String charge = event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 500));
        String created = event(newEventId(), "refund.created", dashboardRefund(refund, pi, 500));

        webhook(charge).expect(200);
        assertThat(webhook(charge).expect(200).json().get("duplicate").asBoolean()).isTrue();
        webhook(created).expect(200);
        assertThat(webhook(created).expect(200).json().get("duplicate").asBoolean()).isTrue();
        for (int i = 0; i < 2; i++) {
            webhook(event(newEventId(), "refund.updated", dashboardRefund(refund, pi, 500))).expect(200);
            webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 500))).expect(200);
            webhook(event(newEventId(), "refund.created", dashboardRefund(refund, pi, 500))).expect(200);
        }

        assertRefundedAtTheProvider(payment, 500, "PARTIALLY_REFUNDED", refund);
        // The other half may still be refunded here, and no more.
        assertThat(api.post("/api/v1/payments/" + payment + "/refunds", staff("MANAGER"),
                java.util.Map.of("amount", 501, "reason", "too much"), "k-" + UUID.randomUUID()).status())
                .isEqualTo(409);
    }

    @Test
    void aFullDashboardRefundInEveryOrderEndsRefundedAndEveryDeliveryIsAcknowledged() {
        // charge.refunded first, then the refund's own events, then all of them again
        UUID first = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
        String pi = intentOf(first);
        String refund = newRefundId();
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 1000))).expect(200);
        webhook(event(newEventId(), "refund.created", dashboardRefund(refund, pi, 1000))).expect(200);
        webhook(event(newEventId(), "refund.updated", dashboardRefund(refund, pi, 1000))).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 1000))).expect(200);
        webhook(event(newEventId(), "refund.created", dashboardRefund(refund, pi, 1000))).expect(200);
        assertRefundedAtTheProvider(first, 1000, "REFUNDED", refund);

        // the refund's events first, then charge.refunded, then again
        UUID second = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
        String pi2 = intentOf(second);
        String refund2 = newRefundId();
        webhook(event(newEventId(), "refund.created", dashboardRefund(refund2, pi2, 1000))).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi2, 1000, 1000))).expect(200);
        webhook(event(newEventId(), "refund.updated", dashboardRefund(refund2, pi2, 1000))).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi2, 1000, 1000))).expect(200);
        assertRefundedAtTheProvider(second, 1000, "REFUNDED", refund2);
    }

    @Test
    void twoDashboardRefundsWithAStatementDeliveredLateCountEachOnce() {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        String a = newRefundId();
        String b = newRefundId();

        // b named first; the statement after a (300) arrives before a itself, the one after b (500) last
        webhook(event(newEventId(), "refund.created", dashboardRefund(b, pi, 200))).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 300))).expect(200);
        webhook(event(newEventId(), "refund.created", dashboardRefund(a, pi, 300))).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 500))).expect(200);

        assertRefundedAtTheProvider(payment, 500, "PARTIALLY_REFUNDED", java.util.stream.Stream.of(a, b).sorted()
                .toArray(String[]::new));

        // both statements before either refund is named
        UUID other = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
        String pi2 = intentOf(other);
        String c = newRefundId();
        String d = newRefundId();
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi2, 1000, 300))).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi2, 1000, 500))).expect(200);
        webhook(event(newEventId(), "refund.created", dashboardRefund(c, pi2, 300))).expect(200);
        webhook(event(newEventId(), "refund.created", dashboardRefund(d, pi2, 200))).expect(200);

        assertRefundedAtTheProvider(other, 500, "PARTIALLY_REFUNDED", java.util.stream.Stream.of(c, d).sorted()
                .toArray(String[]::new));
    }

    @Test
    void pendingRefundsSettleByWebhookAndAFailedOneGivesItsAmountBack() {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 3000);
        String pi = intentOf(payment);
        // Two refunds the provider accepted as pending, as Stripe does for some payment methods.
        UUID failing = pendingRefund(payment, 1000, "re_pending_a_" + order);
        UUID succeeding = pendingRefund(payment, 500, "re_pending_b_" + order);
        assertThat(payment(payment)).containsEntry("refund_pending_amount", 1500L);

        webhook(event(newEventId(), "refund.failed", refundObject("re_pending_a_" + order, pi, 1000, "failed", failing)))
                .expect(200);
        webhook(event(newEventId(), "refund.updated",
                refundObject("re_pending_b_" + order, pi, 500, "succeeded", succeeding))).expect(200);

        assertThat(jdbc.sql("select status from refunds where id = :id").param("id", failing).query(String.class)
                .single()).isEqualTo("FAILED");
        assertThat(jdbc.sql("select status from refunds where id = :id").param("id", succeeding).query(String.class)
                .single()).isEqualTo("SUCCEEDED");
        assertThat(payment(payment)).containsEntry("refund_pending_amount", 0L).containsEntry("refunded_amount", 500L);
        assertThat(status(payment)).isEqualTo("PARTIALLY_REFUNDED");
        messages().await(Topics.PAYMENT_EVENTS, "payment.refund_failed", order.toString(), 1);
        messages().await(Topics.PAYMENT_EVENTS, "payment.refunded", order.toString(), 1);
    }

    private UUID pendingRefund(UUID payment, long amount, String providerRefundId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("update payments set refund_pending_amount = refund_pending_amount + :a where id = :p")
                .param("a", amount).param("p", payment).update();
        jdbc.sql("""
                        insert into refunds (id, payment_id, refund_key, source, amount, currency, reason, status,
                                             provider_refund_id)
                        values (:id, :p, :key, 'STAFF', :a, 'EUR', 'test', 'PENDING', :pid)""")
                .param("id", id).param("p", payment).param("key", "staff:" + id).param("a", amount)
                .param("pid", providerRefundId).update();
        return id;
    }

    private static String refundObject(String id, String pi, long amount, String status, UUID ours) {
        return """
                {"id":"%s","object":"refund","amount":%d,"payment_intent":"%s","status":"%s",
                 "metadata":{"tienda_refund_id":"%s"}}""".formatted(id, amount, pi, status, ours);
    }

    // ------------------------------------------------------------ refunds that fail after succeeding

    /** A refund object as Stripe's refund.* and charge.refund.updated events carry it. */
    private static String refundObject(String id, String pi, long amount, String status, UUID ours,
            String failureReason) {
        return """
                {"id":"%s","object":"refund","amount":%d,"charge":"ch_%s","payment_intent":"%s","status":"%s",
                 "failure_reason":%s,"metadata":%s}""".formatted(id, amount, pi, pi, status,
                failureReason == null ? "null" : "\"" + failureReason + "\"",
                ours == null ? "{}" : "{\"tienda_refund_id\":\"" + ours + "\"}");
    }

    /** Our refund's row: its status, provider id and failure reason. */
    private Map<String, Object> refundRow(UUID refund) {
        return jdbc.sql("select status, provider_refund_id, failure_reason from refunds where id = :id")
                .param("id", refund).query().singleRow();
    }

    /** What payment.events said of a payment's refunds, by {@code refundId}: the amounts announced refunded and failed. */
    private record Announced(Map<String, Long> refunded, Map<String, Long> failed) {
    }

    private Announced announcedByRefundId(UUID payment) {
        List<String> published = jdbc.sql("""
                        select serialized_event from event_publication
                         where serialized_event like :p and serialized_event like '%payment.events%'
                         order by publication_date""")
                .param("p", "%" + payment + "%").query(String.class).list();
        Map<String, Long> refunded = new java.util.HashMap<>();
        Map<String, Long> failed = new java.util.HashMap<>();
        for (String event : published) {
            String plain = event.replace("\\", "");
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"refundId\":\"([^\"]+)\"").matcher(plain);
            String refundId = id.find() ? id.group(1) : null;
            if (plain.contains("payment.refunded")) {
                refunded.merge(refundId, announcedAmount(event), Long::sum);
            } else if (plain.contains("payment.refund_failed")) {
                failed.merge(refundId, announcedAmount(event), Long::sum);
            }
        }
        return new Announced(refunded, failed);
    }

    /**
     * What payment.events announced of the payment's refunds: every payment.refunded, less every
     * payment.refund_failed of a refund announced as refunded before (a refund that failed while pending
     * was never announced as refunded). As consumers cap what a failure takes back at what was announced
     * under its id, no id may fail for more than that.
     */
    private long announcedNet(UUID payment) {
        Announced announced = announcedByRefundId(payment);
        long net = announced.refunded().values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<String, Long> failure : announced.failed().entrySet()) {
            Long refunded = announced.refunded().get(failure.getKey());
            if (refunded != null) {
                assertThat(failure.getValue()).as("failed under %s", failure.getKey()).isLessThanOrEqualTo(refunded);
                net -= failure.getValue();
            }
        }
        return net;
    }

    /**
     * Consumers match a payment.refund_failed to the payment.refunded announced before it by refundId: every
     * failure of a refund that had been counted names ids announced as refunded, for no more than each announced.
     */
    private Announced assertEveryFailureNamesAnAnnouncedRefund(UUID payment) {
        Announced announced = announcedByRefundId(payment);
        assertThat(announced.refunded().keySet()).as("ids announced as refunded")
                .containsAll(announced.failed().keySet());
        announced.failed().forEach((id, amount) -> assertThat(amount).as("failed under %s", id)
                .isLessThanOrEqualTo(announced.refunded().get(id)));
        return announced;
    }

    /** The ledger after refunds at the provider settled one way or the other: no pending money, the facts agree. */
    private void assertLedger(UUID payment, long refunded, String status) {
        assertThat(payment(payment)).containsEntry("refunded_amount", refunded)
                .containsEntry("refund_pending_amount", 0L);
        assertThat(status(payment)).isEqualTo(status);
        assertThat(jdbc.sql("select coalesce(sum(amount), 0) from refunds where payment_id = :p and status = 'SUCCEEDED'")
                .param("p", payment).query(Long.class).single()).isEqualTo(refunded);
        assertThat(announcedNet(payment)).isEqualTo(refunded);
    }

    private List<String> failedAtTheProvider(UUID payment) {
        return jdbc.sql("""
                        select provider_refund_id from refunds where payment_id = :p and status = 'FAILED'
                         order by provider_refund_id""")
                .param("p", payment).query(String.class).list();
    }

    @Test
    void aStaffRefundThatFailsAfterSucceedingGoesBackAndItsAmountMayBeRefundedAgain() {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        UUID refund = UUID.fromString(api.post("/api/v1/payments/" + payment + "/refunds", staff("MANAGER"),
                Map.of("amount", 1000, "reason", "damaged"), "k-" + UUID.randomUUID()).expect(201).json()
                .get("id").asString());
        String re = (String) refundRow(refund).get("provider_refund_id");
        assertThat(status(payment)).isEqualTo("REFUNDED");

        // The card was closed: Stripe says so three ways, and its statement of the charge goes back to 0.
        String failed = refundObject(re, pi, 1000, "failed", refund, "expired_or_canceled_card");
        webhook(event(newEventId(), "refund.failed", failed)).expect(200);
        webhook(event(newEventId(), "refund.updated", failed)).expect(200);
        webhook(event(newEventId(), "charge.refund.updated", failed)).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 0))).expect(200);
        // The statement of the refund's day, delivered late, and the refund's success again.
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 1000))).expect(200);
        webhook(event(newEventId(), "refund.updated", refundObject(re, pi, 1000, "succeeded", refund, null)))
                .expect(200);

        assertThat(refundRow(refund)).containsEntry("status", "FAILED")
                .containsEntry("failure_reason", "expired_or_canceled_card");
        assertLedger(payment, 0, "CAPTURED");
        assertThat(count("select count(*) from refunds where payment_id = ? and source = 'PROVIDER'", payment)).isZero();
        List<EventMessages.Published> announced = messages().await(Topics.PAYMENT_EVENTS, "payment.refund_failed",
                order.toString(), 1);
        assertThat(announced.get(0).json().get("refundId").asString()).isEqualTo(refund.toString());
        assertThat(announced.get(0).json().get("amount").get("amount").asLong()).isEqualTo(1000);
        // The customer still has the money to get back: staff see it may be refunded again.
        tools.jackson.databind.JsonNode shown = api.get("/api/v1/payments/" + payment, staff("SUPPORT")).expect(200)
                .json();
        assertThat(shown.get("status").asString()).isEqualTo("CAPTURED");
        assertThat(shown.get("refundedAmount").asLong()).isZero();
        assertThat(shown.get("refundable").asLong()).isEqualTo(1000);
    }

    @Test
    void aReturnsRefundThatFailsAfterSucceedingIsReportedToItsSenderByItsKey() {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        String key = "return:" + UUID.randomUUID();
        refund(order, 400, key);
        UUID refund = jdbc.sql("select id from refunds where payment_id = :p and refund_key = :k")
                .param("p", payment).param("k", "saga:" + key).query(UUID.class).single();
        String re = (String) refundRow(refund).get("provider_refund_id");
        assertThat(status(payment)).isEqualTo("PARTIALLY_REFUNDED");

        webhook(event(newEventId(), "charge.refund.updated",
                refundObject(re, pi, 400, "canceled", refund, null))).expect(200);

        assertThat(refundRow(refund)).containsEntry("status", "FAILED");
        assertLedger(payment, 0, "CAPTURED");
        for (String topic : new String[] {Topics.PAYMENT_EVENTS, Topics.SAGA_REPLIES}) {
            EventMessages.Published failed = messages().await(topic, "payment.refund_failed", order.toString(), 1)
                    .get(0);
            assertThat(failed.json().get("refundKey").asString()).isEqualTo(key);
            assertThat(failed.json().get("refundId").asString()).isEqualTo(refund.toString());
        }
    }

    @Test
    void aDashboardRefundThatFailsLeavesTheSameLedgerInWhateverOrderItsEventsArrive() {
        List<List<String>> orders = List.of(
                List.of("created", "statement", "failed", "updated", "statement-after"),
                List.of("failed", "created", "statement", "statement-after", "updated"),
                List.of("statement", "failed", "created", "updated", "statement-after"),
                List.of("statement-after", "statement", "updated", "created", "failed"));
        for (List<String> sequence : orders) {
            UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
            String pi = intentOf(payment);
            String re = newRefundId();
            Map<String, String> events = Map.of(
                    "created", event(newEventId(), "refund.created", dashboardRefund(re, pi, 600)),
                    "statement", event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 600)),
                    "failed", event(newEventId(), "refund.failed", refundObject(re, pi, 600, "failed", null,
                            "lost_or_stolen_card")),
                    "updated", event(newEventId(), "charge.refund.updated", refundObject(re, pi, 600, "failed", null,
                            "lost_or_stolen_card")),
                    "statement-after", event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 0)));
            for (String name : sequence) {
                webhook(events.get(name)).expect(200);
                webhook(events.get(name)).expect(200);
            }

            assertThat(failedAtTheProvider(payment)).as("%s", sequence).containsExactly(re);
            assertLedger(payment, 0, "CAPTURED");
        }
    }

    @Test
    void ofTwoDashboardRefundsStatedTogetherOnlyTheOneThatFailedGoesBack() {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        String kept = newRefundId();
        String lost = newRefundId();

        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 1000))).expect(200);
        assertThat(status(payment)).isEqualTo("REFUNDED");
        webhook(event(newEventId(), "refund.failed", refundObject(lost, pi, 400, "failed", null, "declined")))
                .expect(200);
        assertThat(status(payment)).isEqualTo("PARTIALLY_REFUNDED");
        webhook(event(newEventId(), "refund.created", dashboardRefund(kept, pi, 600))).expect(200);
        webhook(event(newEventId(), "refund.created", dashboardRefund(lost, pi, 400))).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 600))).expect(200);

        assertLedger(payment, 600, "PARTIALLY_REFUNDED");
        assertThat(failedAtTheProvider(payment)).containsExactly(lost);
        assertThat(jdbc.sql("select provider_refund_id from refunds where payment_id = :p and status = 'SUCCEEDED'")
                .param("p", payment).query(String.class).list()).containsExactly(kept);
    }

    @Test
    void aDashboardRefundThatFailsBeforeAnyStatementCountedItTakesBackNoOtherRefundsMoney() {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        String d1 = newRefundId();
        String d2 = newRefundId();
        long start = System.currentTimeMillis() / 1000 - 120;

        // d1 (300) made in the dashboard and stated; d2 (200) made later, its statement (500) still on its way
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 300), start)).expect(200);
        assertLedger(payment, 300, "PARTIALLY_REFUNDED");
        // d2 fails: the statement of 300 was made before d2 existed, so none of its money is d2's
        webhook(event(newEventId(), "refund.failed", madeAt(refundObject(d2, pi, 200, "failed", null,
                "expired_or_canceled_card"), start + 30), start + 40)).expect(200);
        assertLedger(payment, 300, "PARTIALLY_REFUNDED");
        webhook(event(newEventId(), "refund.created", madeAt(dashboardRefund(d1, pi, 300), start), start))
                .expect(200);
        assertLedger(payment, 300, "PARTIALLY_REFUNDED");
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 500), start + 30)).expect(200);

        assertLedger(payment, 300, "PARTIALLY_REFUNDED");
        assertThat(failedAtTheProvider(payment)).containsExactly(d2);
        assertThat(jdbc.sql("select provider_refund_id from refunds where payment_id = :p and status = 'SUCCEEDED'")
                .param("p", payment).query(String.class).list()).containsExactly(d1);
        Announced announced = announcedByRefundId(payment);
        assertThat(announced.failed()).as("no refund_failed for money that never moved").isEmpty();
        assertThat(announced.refunded().values()).containsExactly(300L);

        // The same refunds stated together while d2 was live: d2's failure takes its money back, as before.
        UUID other = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
        String pi2 = intentOf(other);
        String d3 = newRefundId();
        String d4 = newRefundId();
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi2, 1000, 300), start)).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi2, 1000, 500), start + 30)).expect(200);
        webhook(event(newEventId(), "refund.failed", madeAt(refundObject(d4, pi2, 200, "failed", null,
                "expired_or_canceled_card"), start + 30), start + 40)).expect(200);
        assertLedger(other, 300, "PARTIALLY_REFUNDED");
        String second = announcedByRefundId(other).refunded().entrySet().stream().filter(e -> e.getValue() == 200)
                .findFirst().orElseThrow().getKey();
        assertThat(assertEveryFailureNamesAnAnnouncedRefund(other).failed()).containsExactly(Map.entry(second, 200L));
        webhook(event(newEventId(), "refund.created", madeAt(dashboardRefund(d3, pi2, 300), start), start))
                .expect(200);
        assertLedger(other, 300, "PARTIALLY_REFUNDED");
        assertThat(failedAtTheProvider(other)).containsExactly(d4);
    }

    @Test
    void aDashboardRefundNamedAfterTheStatementThatBroughtItInFailsUnderTheIdItsMoneyWasAnnouncedWith() {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        String a = newRefundId();
        String b = newRefundId();

        // a (200) and b (300) made in the dashboard, stated together before either is named
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 500))).expect(200);
        Map<String, Long> statement = announcedByRefundId(payment).refunded();
        assertThat(statement.values()).containsExactly(500L);
        String unnamed = statement.keySet().iterator().next();
        webhook(event(newEventId(), "refund.created", dashboardRefund(a, pi, 200))).expect(200);
        assertLedger(payment, 500, "PARTIALLY_REFUNDED");

        String aFailed = refundObject(a, pi, 200, "failed", null, "expired_or_canceled_card");
        webhook(event(newEventId(), "refund.failed", aFailed)).expect(200);
        webhook(event(newEventId(), "charge.refund.updated", aFailed)).expect(200);

        assertLedger(payment, 300, "PARTIALLY_REFUNDED");
        assertThat(assertEveryFailureNamesAnAnnouncedRefund(payment).failed()).containsExactly(Map.entry(unnamed, 200L));

        webhook(event(newEventId(), "refund.created", dashboardRefund(b, pi, 300))).expect(200);
        webhook(event(newEventId(), "refund.updated", refundObject(b, pi, 300, "failed", null, "lost_or_stolen_card")))
                .expect(200);

        assertLedger(payment, 0, "CAPTURED");
        Announced announced = assertEveryFailureNamesAnAnnouncedRefund(payment);
        assertThat(announced.failed()).isEqualTo(announced.refunded()).containsExactly(Map.entry(unnamed, 500L));
        assertThat(failedAtTheProvider(payment)).containsExactlyInAnyOrder(a, b);
        List<EventMessages.Published> failures = messages().await(Topics.PAYMENT_EVENTS, "payment.refund_failed",
                order.toString(), 2);
        assertThat(failures).extracting(f -> f.json().get("refundId").asString()).containsOnly(unnamed);
        assertThat(failures.stream().mapToLong(f -> f.json().get("amount").get("amount").asLong()).sum())
                .isEqualTo(500);
    }

    @Test
    void aDashboardRefundThatTookTheMoneyOfTwoStatementsFailsUnderBothForWhatEachAnnounced() {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        String b = newRefundId();
        String a = newRefundId();

        // b (200) then a (300) made in the dashboard; the statements after each arrive before either is named
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 200))).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 500))).expect(200);
        Map<String, Long> statements = announcedByRefundId(payment).refunded();
        assertThat(statements.values()).containsExactlyInAnyOrder(200L, 300L);
        String first = statements.entrySet().stream().filter(e -> e.getValue() == 200).findFirst().orElseThrow()
                .getKey();
        String second = statements.entrySet().stream().filter(e -> e.getValue() == 300).findFirst().orElseThrow()
                .getKey();
        // a is named first: its 300 is the first statement's 200 and 100 of the second's
        webhook(event(newEventId(), "refund.created", dashboardRefund(a, pi, 300))).expect(200);
        webhook(event(newEventId(), "refund.created", dashboardRefund(b, pi, 200))).expect(200);
        assertLedger(payment, 500, "PARTIALLY_REFUNDED");

        webhook(event(newEventId(), "refund.failed", refundObject(a, pi, 300, "failed", null, "declined")))
                .expect(200);

        assertLedger(payment, 200, "PARTIALLY_REFUNDED");
        assertThat(assertEveryFailureNamesAnAnnouncedRefund(payment).failed())
                .containsOnly(Map.entry(first, 200L), Map.entry(second, 100L));

        webhook(event(newEventId(), "charge.refund.updated", refundObject(b, pi, 200, "failed", null, "declined")))
                .expect(200);
        webhook(event(newEventId(), "refund.failed", refundObject(a, pi, 300, "failed", null, "declined")))
                .expect(200);

        assertLedger(payment, 0, "CAPTURED");
        Announced announced = assertEveryFailureNamesAnAnnouncedRefund(payment);
        assertThat(announced.failed()).isEqualTo(announced.refunded());
        assertThat(messages().await(Topics.PAYMENT_EVENTS, "payment.refund_failed", order.toString(), 3))
                .extracting(f -> f.json().get("refundId").asString()).containsOnly(first, second);
    }

    @Test
    void aDashboardRefundWhoseMoneyTwoStatementsBroughtInWholeFailsUnderBoth() {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        String c = newRefundId();
        String a = newRefundId();

        // c (200) stated, then failed unseen; a (500) stated with the 200 of c no longer in the total
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 200))).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 500))).expect(200);
        Map<String, Long> statements = announcedByRefundId(payment).refunded();
        assertThat(statements.values()).containsExactlyInAnyOrder(200L, 300L);
        webhook(event(newEventId(), "refund.created", dashboardRefund(a, pi, 500))).expect(200);
        webhook(event(newEventId(), "refund.failed", refundObject(c, pi, 200, "failed", null, "declined")))
                .expect(200);
        assertLedger(payment, 500, "PARTIALLY_REFUNDED");
        assertThat(jdbc.sql("select provider_refund_id from refunds where payment_id = :p and status = 'SUCCEEDED'")
                .param("p", payment).query(String.class).list()).containsExactly(a);

        webhook(event(newEventId(), "refund.failed", refundObject(a, pi, 500, "failed", null, "declined")))
                .expect(200);

        assertLedger(payment, 0, "CAPTURED");
        Announced announced = assertEveryFailureNamesAnAnnouncedRefund(payment);
        assertThat(announced.failed()).isEqualTo(statements).isEqualTo(announced.refunded());
        assertThat(messages().await(Topics.PAYMENT_EVENTS, "payment.refund_failed", order.toString(), 2))
                .extracting(f -> f.json().get("refundId").asString())
                .containsExactlyInAnyOrderElementsOf(statements.keySet());
    }

    // ------------------------------------------------------------ a dashboard refund beside one of ours still pending

    @Test
    void aDashboardRefundBesideOurPendingRefundIsCountedOnceAndOursSettlesByItsId() {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        String ours = "re_ours_" + UUID.randomUUID().toString().replace("-", "");
        UUID pending = pendingRefund(payment, 300, ours);
        String dashboard = newRefundId();

        // Stripe's total counts our pending refund and the dashboard's
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 500))).expect(200);
        webhook(event(newEventId(), "refund.created", dashboardRefund(dashboard, pi, 200))).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 500))).expect(200);
        assertThat(payment(payment)).containsEntry("refunded_amount", 200L).containsEntry("refund_pending_amount", 300L);

        webhook(event(newEventId(), "refund.updated", refundObject(ours, pi, 300, "succeeded", pending, null)))
                .expect(200);

        assertThat(refundRow(pending)).containsEntry("status", "SUCCEEDED");
        assertLedger(payment, 500, "PARTIALLY_REFUNDED");
        assertThat(jdbc.sql("select provider_refund_id from refunds where payment_id = :p and source = 'PROVIDER'")
                .param("p", payment).query(String.class).list()).containsExactly(dashboard);
    }

    @Test
    void ourPendingRefundThatFailedIsNotCountedAgainFromAStatementMadeWhileItWasPending() {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        String ours = "re_ours_" + UUID.randomUUID().toString().replace("-", "");
        UUID pending = pendingRefund(payment, 300, ours);
        String dashboard = newRefundId();

        webhook(event(newEventId(), "refund.created", dashboardRefund(dashboard, pi, 200))).expect(200);
        webhook(event(newEventId(), "refund.failed", refundObject(ours, pi, 300, "failed", pending, "declined")))
                .expect(200);
        // Stripe's total from while ours was still pending, delivered last
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 500))).expect(200);

        assertThat(refundRow(pending)).containsEntry("status", "FAILED");
        assertLedger(payment, 200, "PARTIALLY_REFUNDED");
    }

    @Test
    void ourPendingRefundIsKnownByItsProviderIdOnceAnEventNamesIt() {
        UUID payment = capturedPayment(UUID.randomUUID(), TestTokens.newCustomer(), 1000);
        String pi = intentOf(payment);
        // Asked of the provider, whose answer was lost: we do not know its re_... yet.
        UUID pending = pendingRefund(payment, 300, null);
        String ours = "re_ours_" + UUID.randomUUID().toString().replace("-", "");
        String dashboard = newRefundId();

        webhook(event(newEventId(), "refund.created", refundObject(ours, pi, 300, "pending", pending, null)))
                .expect(200);
        assertThat(refundRow(pending)).containsEntry("status", "PENDING").containsEntry("provider_refund_id", ours);
        webhook(event(newEventId(), "refund.created", dashboardRefund(dashboard, pi, 200))).expect(200);
        webhook(event(newEventId(), "charge.refunded", chargeRefunded(pi, 1000, 500))).expect(200);
        // Its resolution, told by the refund's id alone (no metadata), settles it rather than adding a refund.
        webhook(event(newEventId(), "charge.refund.updated", refundObject(ours, pi, 300, "succeeded", null, null)))
                .expect(200);

        assertThat(refundRow(pending)).containsEntry("status", "SUCCEEDED");
        assertLedger(payment, 500, "PARTIALLY_REFUNDED");
        assertThat(jdbc.sql("select provider_refund_id from refunds where payment_id = :p and source = 'PROVIDER'")
                .param("p", payment).query(String.class).list()).containsExactly(dashboard);
    }

    @Test
    void aHoldTheProviderKeepsForAPaymentWeGaveUpIsReleased() {
        UUID order = UUID.randomUUID();
        authorize(order, TestTokens.newCustomer(), 3000, "pm_card_visa");
        UUID payment = paymentOf(order);
        String pi = intentOf(payment);
        // As if the provider's answer had been lost and the payment given up as failed.
        jdbc.sql("update payments set status = 'FAILED' where id = :id").param("id", payment).update();

        webhook(event(newEventId(), "payment_intent.amount_capturable_updated", intent(pi, "requires_capture", 0)))
                .expect(200);

        assertThat(jdbc.sql("select status from simulated_intents where id = :id").param("id", pi).query(String.class)
                .single()).isEqualTo("canceled");
        assertThat(status(payment)).isEqualTo("FAILED");
    }
}
