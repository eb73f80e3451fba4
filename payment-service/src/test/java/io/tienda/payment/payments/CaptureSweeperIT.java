package io.tienda.payment.payments;

import io.tienda.payment.PaymentProperties;
import io.tienda.payment.support.PaymentIT;
import io.tienda.platform.events.Topics;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No authorisation is left to lapse: the sweeper captures what was confirmed and voids the rest in
 * time, never while a call to the provider may still be under way, and one payment it cannot handle
 * holds up no other.
 */
class CaptureSweeperIT extends PaymentIT {

    @Autowired
    CaptureSweeper sweeper;

    @Autowired
    PaymentProperties properties;

    private UUID authorizedUntil(UUID order, Instant captureBefore) {
        authorize(order, TestTokens.newCustomer(), 1500, "pm_card_visa");
        UUID payment = paymentOf(order);
        jdbc.sql("update payments set capture_before = :at where id = :id")
                .param("at", Timestamp.from(captureBefore)).param("id", payment).update();
        return payment;
    }

    private Duration callWindow() {
        return properties.providerCallWindow();
    }

    /** As if a command had asked the provider for {@code action} at {@code at} and got no answer yet. */
    private void askedOfTheProvider(UUID payment, String action, Instant at) {
        jdbc.sql("""
                        update payments set pending_action = :action, pending_capture_amount = amount, updated_at = :at
                         where id = :id""")
                .param("action", action).param("at", Timestamp.from(at)).param("id", payment).update();
    }

    /** As if the saga's payment.void ({@code reason}) had asked the provider at {@code at} and got no answer yet. */
    private void voidAskedOfTheProvider(UUID payment, String reason, Instant at) {
        jdbc.sql("update payments set pending_action = 'VOID', failure_reason = :reason, updated_at = :at where id = :id")
                .param("reason", reason).param("at", Timestamp.from(at)).param("id", payment).update();
    }

    /** A refund set aside at {@code at} whose provider call got no answer. */
    private UUID pendingRefund(UUID payment, long amount, Instant at) {
        UUID refund = UUID.randomUUID();
        jdbc.sql("""
                        insert into refunds (id, payment_id, refund_key, request_hash, source, amount, currency, reason,
                                             status, requested_by, created_at, updated_at)
                        values (:id, :payment, :key, 'h', 'STAFF', :amount, 'EUR', 'late', 'PENDING', 'staff', :at, :at)""")
                .param("id", refund).param("payment", payment).param("key", "staff:" + refund)
                .param("amount", amount).param("at", Timestamp.from(at)).update();
        jdbc.sql("update payments set refund_pending_amount = refund_pending_amount + :amount where id = :id")
                .param("amount", amount).param("id", payment).update();
        return refund;
    }

    private String refundStatus(UUID refund) {
        return jdbc.sql("select status from refunds where id = :id").param("id", refund).query(String.class).single();
    }

    private String intentStatus(UUID payment) {
        return jdbc.sql("select status from simulated_intents where id = :id")
                .param("id", payment(payment).get("provider_payment_id")).query(String.class).single();
    }

    @Test
    void anAuthorisationNearingItsEndThatNobodyConfirmedIsVoided() {
        UUID order = UUID.randomUUID();
        UUID payment = authorizedUntil(order, Instant.now().plus(Duration.ofHours(2)));

        sweeper.sweep();

        assertThat(status(payment)).isEqualTo("VOIDED");
        assertThat(intentStatus(payment)).isEqualTo("canceled");
        assertThat(messages().await(Topics.SAGA_REPLIES, "payment.voided", order.toString(), 1).get(0).json()
                .get("reason").asString()).startsWith("authorization-expiring");
    }

    @Test
    void aConfirmedCaptureTheProviderNeverAcknowledgedIsCapturedBeforeTheEnd() {
        UUID order = UUID.randomUUID();
        UUID payment = authorizedUntil(order, Instant.now().plus(Duration.ofHours(2)));
        // As if the capture command had found the provider unavailable, long enough ago for its call to be over.
        askedOfTheProvider(payment, "CAPTURE", Instant.now().minus(callWindow()).minusSeconds(1));

        sweeper.sweep();

        assertThat(status(payment)).isEqualTo("CAPTURED");
        assertThat(invoiceNumber(payment)).matches("TIE-\\d{4}-\\d{6,}");
        assertInvoiceSeriesWithoutGaps();
        assertThat(intentStatus(payment)).isEqualTo("succeeded");
        messages().await(Topics.SAGA_REPLIES, "payment.captured", order.toString(), 1);
    }

    @Test
    void aVoidOfAPaymentWaitingForThreeDSecureThatTheProviderNeverAcknowledgedIsAskedAgain() {
        UUID order = UUID.randomUUID();
        authorize(order, TestTokens.newCustomer(), 1500, "pm_card_authenticationRequired");
        UUID payment = paymentOf(order);
        UUID otherOrder = UUID.randomUUID();
        authorize(otherOrder, TestTokens.newCustomer(), 900, "pm_card_authenticationRequired");
        UUID waiting = paymentOf(otherOrder);
        Instant longAgo = Instant.now().minus(callWindow()).minusSeconds(1);
        // The saga's payment deadline passed and its payment.void found the provider unavailable, long enough
        // ago for that call to be over; the other payment is still waiting for its shopper, with nothing asked.
        voidAskedOfTheProvider(payment, "payment-timeout", longAgo);
        jdbc.sql("update payments set updated_at = :at where id = :id")
                .param("at", Timestamp.from(longAgo)).param("id", waiting).update();

        sweeper.sweep();

        assertThat(status(payment)).isEqualTo("VOIDED");
        assertThat(payment(payment).get("pending_action")).isNull();
        assertThat(intentStatus(payment)).isEqualTo("canceled");
        assertThat(messages().await(Topics.SAGA_REPLIES, "payment.voided", order.toString(), 1).get(0).json()
                .get("reason").asString()).isEqualTo("payment-timeout");
        assertThat(status(waiting)).isEqualTo("REQUIRES_ACTION");
        assertThat(intentStatus(waiting)).isEqualTo("requires_action");
    }

    @Test
    void aCaptureWhoseProviderCallMayStillBeUnderWayIsLeftToItThenAskedAgainOnceItsTimeHasPassed() {
        UUID order = UUID.randomUUID();
        UUID payment = authorizedUntil(order, Instant.now().plus(Duration.ofHours(2)));
        // The capture command has just asked the provider and is still waiting for its answer.
        askedOfTheProvider(payment, "CAPTURE", Instant.now().minus(callWindow()).plusSeconds(2));

        sweeper.sweep();

        assertThat(status(payment)).isEqualTo("AUTHORIZED");
        assertThat(intentStatus(payment)).isEqualTo("requires_capture");
        assertThat(count("select count(*) from provider_calls where payment_id = ? and operation = 'CAPTURE'", payment))
                .isZero();

        askedOfTheProvider(payment, "CAPTURE", Instant.now().minus(callWindow()).minusSeconds(1));
        sweeper.sweep();

        assertThat(status(payment)).isEqualTo("CAPTURED");
        assertThat(intentStatus(payment)).isEqualTo("succeeded");
        assertThat(count("select attempts from provider_calls where payment_id = ? and operation = 'CAPTURE'", payment))
                .isEqualTo(1);
    }

    @Test
    void theWindowLeftToACallIsTheLongestAProviderCallCanTakeAndThenSome() {
        // Two attempts of 1.5 s, each also allowed 1.5 s to connect, one wait of 200 ms between them.
        assertThat(properties.longestProviderCall()).isEqualTo(Duration.ofMillis(6200));
        assertThat(callWindow()).isGreaterThan(properties.longestProviderCall());
    }

    @Test
    void aRefundWhoseProviderCallMayStillBeUnderWayIsLeftToItThenAskedAgainOnceItsTimeHasPassed() {
        UUID order = UUID.randomUUID();
        UUID payment = capturedPayment(order, TestTokens.newCustomer(), 2000);
        UUID refund = pendingRefund(payment, 500, Instant.now().minus(callWindow()).plusSeconds(2));

        sweeper.sweep();

        assertThat(refundStatus(refund)).isEqualTo("PENDING");
        assertThat(count("select count(*) from provider_calls where payment_id = ? and operation = 'REFUND'", payment))
                .isZero();

        jdbc.sql("update refunds set updated_at = :at where id = :id")
                .param("at", Timestamp.from(Instant.now().minus(callWindow()).minusSeconds(1))).param("id", refund)
                .update();
        sweeper.sweep();

        assertThat(refundStatus(refund)).isEqualTo("SUCCEEDED");
        assertThat(payment(payment)).containsEntry("refunded_amount", 500L).containsEntry("refund_pending_amount", 0L);
        assertThat(count("select amount_refunded from simulated_intents where id = ?",
                payment(payment).get("provider_payment_id"))).isEqualTo(500);
    }

    @Test
    void aPaymentTheSweeperCannotHandleDoesNotHoldUpTheOthers() {
        Instant longAgo = Instant.now().minus(callWindow()).minusSeconds(1);
        UUID broken = authorizedUntil(UUID.randomUUID(), Instant.now().plus(Duration.ofMinutes(30)));
        askedOfTheProvider(broken, "CAPTURE", longAgo);
        UUID order = UUID.randomUUID();
        UUID fine = authorizedUntil(order, Instant.now().plus(Duration.ofHours(2)));
        askedOfTheProvider(fine, "CAPTURE", longAgo);
        UUID refundOrder = UUID.randomUUID();
        UUID refunded = capturedPayment(refundOrder, TestTokens.newCustomer(), 2000);
        UUID refund = pendingRefund(refunded, 700, longAgo);
        // The first payment of the run cannot be written, as a row the database refuses to change would be.
        jdbc.sql("create or replace function sweeper_it_refuse() returns trigger language plpgsql as $$ begin "
                + "if new.id = '" + broken + "' then raise exception 'this payment cannot be changed'; end if; "
                + "return new; end $$").update();
        jdbc.sql("create trigger sweeper_it_refuse before update on payments for each row "
                + "execute function sweeper_it_refuse()").update();
        try {
            sweeper.sweep();
        } finally {
            jdbc.sql("drop trigger sweeper_it_refuse on payments").update();
            jdbc.sql("drop function sweeper_it_refuse()").update();
        }

        assertThat(status(broken)).isEqualTo("AUTHORIZED");
        assertThat(intentStatus(broken)).isEqualTo("requires_capture");
        assertThat(status(fine)).isEqualTo("CAPTURED");
        assertThat(intentStatus(fine)).isEqualTo("succeeded");
        messages().await(Topics.SAGA_REPLIES, "payment.captured", order.toString(), 1);
        assertThat(refundStatus(refund)).isEqualTo("SUCCEEDED");
        assertThat(payment(refunded)).containsEntry("refunded_amount", 700L);
    }

    @Test
    void anAuthorisationFarFromItsEndIsLeftAlone() {
        UUID payment = authorizedUntil(UUID.randomUUID(), Instant.now().plus(Duration.ofDays(6)));

        sweeper.sweep();

        assertThat(status(payment)).isEqualTo("AUTHORIZED");
        assertThat(intentStatus(payment)).isEqualTo("requires_capture");
    }
}
