package io.tienda.payment.payments;

import io.tienda.payment.support.PaymentIT;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.returns.ReturnRefundSettled;
import io.tienda.platform.events.saga.OrderRefundSettled;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.testing.KafkaProbe;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.platform.testing.security.TestTokens.customer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code order.refund_settled} on {@code order.events}, as order-service publishes it when staff paid a
 * cancelled order's refund another way: the money joins the payment's ledger once, ends what may still be
 * refunded through the provider, and shows on the payment and its invoice.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutsideRefundsIT extends PaymentIT {

    private final Instant settledAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private OrderRefundSettled settled(UUID order, String customer, long amount, String currency) {
        return new OrderRefundSettled(order, "TIE-ORD-" + order.toString().substring(0, 6), customer,
                Money.of(amount, currency), settledAt);
    }

    private long outside(UUID payment) {
        return (Long) payment(payment).get("refunded_outside_amount");
    }

    @Test
    void aRefundPaidOutsideTheProviderJoinsTheLedgerOnceAndNothingMoreIsRefunded() throws Exception {
        String alice = TestTokens.newCustomer();
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, alice, 3089);
        OrderRefundSettled fact = settled(order, alice, 3089, "EUR");
        UUID eventId = UUID.randomUUID();

        messages().send(Topics.ORDER_EVENTS, order.toString(), eventId, fact);
        messages().send(Topics.ORDER_EVENTS, order.toString(), eventId, fact);
        // published again under a new id (a replayed outbox row): still one refund of the order
        messages().send(Topics.ORDER_EVENTS, order.toString(), fact);
        eventually(() -> outside(payment) == 3089);
        // the last of the three has been handled once this one, sent after it on the same key, is
        UUID later = UUID.randomUUID();
        UUID laterPayment = capturedPayment(later, alice, 100);
        messages().send(Topics.ORDER_EVENTS, later.toString(), settled(later, alice, 100, "EUR"));
        eventually(() -> outside(laterPayment) == 100);
        eventually(() -> count("select count(*) from tienda_inbox where consumer = 'payment-outside-refunds' "
                + "and event_id = ?", eventId) == 1);

        assertThat(count("select count(*) from refunds where payment_id = ? and source = 'OUTSIDE'", payment))
                .isEqualTo(1);
        assertThat(outside(payment)).isEqualTo(3089);
        JsonNode view = api.get("/api/v1/payments/" + payment, customer(alice)).expect(200).json();
        assertThat(view.get("status").asString()).isEqualTo("CAPTURED");
        assertThat(view.get("refundedAmount").asLong()).isZero();
        assertThat(view.get("refundedOutsideAmount").asLong()).isEqualTo(3089);
        assertThat(view.get("refundable").asLong()).isZero();
        JsonNode refund = view.get("refunds").get(0);
        assertThat(refund.get("source").asString()).isEqualTo("OUTSIDE");
        assertThat(refund.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(refund.get("amount").asLong()).isEqualTo(3089);
        assertThat(Instant.parse(refund.get("createdAt").asString())).isEqualTo(settledAt);
        assertThat(refund.get("reason").asString()).contains(fact.orderNumber());

        // nothing more goes back through the provider: not by staff, not by the saga reversing the order
        api.post("/api/v1/payments/" + payment + "/refunds", staff("MANAGER"), Map.of("amount", 1, "reason", "x"),
                "k-" + UUID.randomUUID()).expectProblem(409, "refund-exceeds-captured");
        Object reversal = refund(order, 3089, "checkout-" + order + "-refund");
        assertThat(reversal).isInstanceOf(PaymentRefundFailed.class);
        assertThat(((PaymentRefundFailed) reversal).reason()).startsWith("nothing-to-refund")
                .contains("3089 was paid back outside the provider");
        assertThat(((PaymentRefundFailed) reversal).nothingLeftToRefund()).isTrue();
        assertThat(payment(payment)).containsEntry("refunded_amount", 0L).containsEntry("refund_pending_amount", 0L);
        // and it is not announced as payment.refunded, which order-service's own fact already counts
        assertThat(messages().all(Topics.PAYMENT_EVENTS, order.toString()))
                .noneMatch(published -> "payment.refunded".equals(published.type()));

        String html = http.get().uri("/api/v1/payments/{id}/invoice", payment).accept(MediaType.TEXT_HTML)
                .headers(h -> h.setBearerAuth(customer(alice))).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(html).contains("-30.89 EUR").contains("paid back outside the payment provider")
                .contains("Total paid</th><th class=\"amount\">0.00 EUR");
    }

    @Test
    void returnsRefundedOutsideTheProviderAreRecordedOnePerReturn() {
        String dana = TestTokens.newCustomer();
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, dana, 5000);
        UUID mugs = UUID.randomUUID();
        ReturnRefundSettled first = new ReturnRefundSettled(mugs, "RMA-2026-000042", order, dana,
                Money.of(1250, "EUR"), settledAt);

        UUID once = messages().send(Topics.RETURNS_EVENTS, mugs.toString(), first);
        // published again under a new id: still one refund of the return
        UUID again = messages().send(Topics.RETURNS_EVENTS, mugs.toString(), first);
        UUID shirts = UUID.randomUUID();
        UUID second = messages().send(Topics.RETURNS_EVENTS, shirts.toString(), new ReturnRefundSettled(shirts,
                "RMA-2026-000043", order, dana, Money.of(1000, "EUR"), settledAt));
        eventually(() -> count("select count(*) from tienda_inbox where consumer = 'payment-outside-refunds' "
                + "and event_id in (?, ?, ?)", once, again, second) == 3);

        assertThat(outside(payment)).isEqualTo(2250);
        JsonNode view = api.get("/api/v1/payments/" + payment, customer(dana)).expect(200).json();
        assertThat(view.get("refundable").asLong()).isEqualTo(2750);
        assertThat(view.get("refunds").valueStream().map(refund -> refund.get("reason").asString()))
                .containsExactlyInAnyOrder("paid back outside the payment provider (return RMA-2026-000042)",
                        "paid back outside the payment provider (return RMA-2026-000043)");
        api.post("/api/v1/payments/" + payment + "/refunds", staff("MANAGER"), Map.of("amount", 2751, "reason", "x"),
                "k-" + UUID.randomUUID()).expectProblem(409, "refund-exceeds-captured");
        api.post("/api/v1/payments/" + payment + "/refunds", staff("MANAGER"), Map.of("amount", 2750, "reason", "x"),
                "k-" + UUID.randomUUID()).expect(201);
    }

    @Test
    void aCustomerPaidBackTwiceShowsAsRefundedBeyondTheCapture(CapturedOutput output) {
        String bob = TestTokens.newCustomer();
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, bob, 2000);
        // the provider's refund went through, but its answer never reached the saga, so staff paid again
        assertThat(refund(order, 2000, "checkout-" + order + "-refund")).isInstanceOf(PaymentRefunded.class);

        messages().send(Topics.ORDER_EVENTS, order.toString(), settled(order, bob, 2000, "EUR"));
        eventually(() -> outside(payment) == 2000);

        JsonNode view = api.get("/api/v1/payments/" + payment, staff("SUPPORT")).expect(200).json();
        assertThat(view.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(view.get("refundedAmount").asLong()).isEqualTo(2000);
        assertThat(view.get("refundedOutsideAmount").asLong()).isEqualTo(2000);
        assertThat(view.get("refundable").asLong()).isZero();
        assertThat(output).contains("payment " + payment + " of order " + order)
                .contains("2000 EUR more than was captured");
    }

    @Test
    void aSettlementThatCanNeverBeRecordedIsDeadLetteredAndChangesNothing() {
        String carol = TestTokens.newCustomer();
        UUID unpaid = UUID.randomUUID();
        UUID dollars = UUID.randomUUID();
        UUID payment = capturedPayment(dollars, carol, 1500);
        UUID noPayment = messages().send(Topics.ORDER_EVENTS, unpaid.toString(), settled(unpaid, carol, 900, "EUR"));
        UUID otherCurrency = messages().send(Topics.ORDER_EVENTS, dollars.toString(),
                settled(dollars, carol, 1500, "USD"));
        UUID unreadable = UUID.randomUUID();
        messages().send(Topics.ORDER_EVENTS, dollars.toString(), unreadable, "order.refund_settled", "{ not json");

        KafkaProbe probe = new KafkaProbe(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        for (UUID poison : List.of(noPayment, otherCurrency, unreadable)) {
            assertThat(probe.find(Topics.deadLetter(Topics.ORDER_EVENTS),
                    r -> poison.toString().equals(KafkaProbe.header(r, Envelope.EVENT_ID)), Duration.ofSeconds(30)))
                    .as("dead letter %s", poison).isPresent();
        }
        assertThat(outside(payment)).isZero();
        assertThat(count("select count(*) from refunds where payment_id = ?", payment)).isZero();
        assertThat(count("select count(*) from tienda_inbox where event_id in (?, ?)", noPayment, otherCurrency))
                .isZero();
    }
}
