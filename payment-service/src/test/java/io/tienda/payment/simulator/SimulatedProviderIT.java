package io.tienda.payment.simulator;

import io.tienda.payment.payments.domain.PaymentGateway;
import io.tienda.payment.payments.domain.PaymentGateway.ActionRequired;
import io.tienda.payment.payments.domain.PaymentGateway.AuthorizationRequest;
import io.tienda.payment.payments.domain.PaymentGateway.Authorized;
import io.tienda.payment.payments.domain.PaymentGateway.CaptureRefused;
import io.tienda.payment.payments.domain.PaymentGateway.Captured;
import io.tienda.payment.payments.domain.PaymentGateway.Declined;
import io.tienda.payment.payments.domain.PaymentGateway.RefundOutcome;
import io.tienda.payment.payments.domain.ProviderUnavailableException;
import io.tienda.payment.payments.domain.RefundStatus;
import io.tienda.payment.simulator.domain.SimulatedReply;
import io.tienda.payment.support.PaymentIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulated provider behind the payment gateway port: each of Stripe's test payment methods has
 * Stripe's outcome, and idempotency keys behave as Stripe's do.
 */
class SimulatedProviderIT extends PaymentIT {

    @Autowired
    PaymentGateway gateway;

    @Autowired
    SimulatedProvider provider;

    private static AuthorizationRequest request(String paymentMethod, long amount) {
        return new AuthorizationRequest(UUID.randomUUID(), UUID.randomUUID(), amount, "EUR", paymentMethod);
    }

    private static String key() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void visaIsAuthorisedForSevenDays() {
        Object answer = gateway.authorize(request("pm_card_visa", 1000), key());

        assertThat(answer).isInstanceOfSatisfying(Authorized.class, authorized -> {
            assertThat(authorized.providerPaymentId()).startsWith("pi_sim_");
            assertThat(authorized.captureBefore()).isCloseTo(Instant.now().plus(Duration.ofDays(7)),
                    org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        });
    }

    @ParameterizedTest
    @CsvSource({"pm_card_chargeDeclined, generic_decline", "pm_card_chargeDeclinedInsufficientFunds, insufficient_funds"})
    void declinedCardsAreDeclinedWithTheirCode(String paymentMethod, String declineCode) {
        Object answer = gateway.authorize(request(paymentMethod, 1000), key());

        assertThat(answer).isInstanceOfSatisfying(Declined.class, declined -> {
            assertThat(declined.code()).isEqualTo("card_declined");
            assertThat(declined.declineCode()).isEqualTo(declineCode);
            assertThat(declined.providerPaymentId()).startsWith("pi_sim_");
        });
    }

    @Test
    void aCardThatNeedsThreeDSecureWaitsForTheShopperThenHoldsTheMoney() {
        ActionRequired action = (ActionRequired) gateway.authorize(request("pm_card_authenticationRequired", 1000),
                key());

        assertThat(action.nextAction().type()).isEqualTo("redirect_to_url");
        assertThat(action.nextAction().url()).endsWith("/api/v1/payments/simulator/authenticate/"
                + action.providerPaymentId());
        assertThat(action.nextAction().clientSecret()).startsWith(action.providerPaymentId() + "_secret_");
        assertThat(gateway.capture(action.providerPaymentId(), 1000, key())).isInstanceOf(CaptureRefused.class);

        SimulatedReply completed = provider.authenticate(action.providerPaymentId(), true);

        assertThat(completed.intent().status().stripeName()).isEqualTo("requires_capture");
        assertThat(gateway.capture(action.providerPaymentId(), 1000, key())).isEqualTo(new Captured(1000));
    }

    @Test
    void aTimeoutCardNeverAnswersInTime() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> gateway.authorize(request("pm_card_timeout", 1000), key()))
                .isInstanceOf(ProviderUnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(2_900),
                Duration.ofSeconds(8));
    }

    @Test
    void anUnknownPaymentMethodIsRefused() {
        Object answer = gateway.authorize(request("pm_made_up", 1000), key());

        assertThat(answer).isInstanceOfSatisfying(Declined.class,
                declined -> assertThat(declined.code()).isEqualTo("resource_missing"));
    }

    @Test
    void aReplayedKeyAnswersTheFirstAnswerWithoutANewIntent() {
        String key = key();
        AuthorizationRequest request = request("pm_card_visa", 1234);
        long before = count("select count(*) from simulated_intents");

        Object first = gateway.authorize(request, key);
        Object replay = gateway.authorize(request, key);

        assertThat(replay).isEqualTo(first);
        assertThat(count("select count(*) from simulated_intents") - before).isEqualTo(1);
    }

    @Test
    void aReplayedDeclineIsTheSameDecline() {
        String key = key();
        AuthorizationRequest request = request("pm_card_chargeDeclined", 1234);

        assertThat(gateway.authorize(request, key)).isEqualTo(gateway.authorize(request, key));
    }

    @Test
    void theSameKeyWithOtherParametersIsAnIdempotencyError() {
        String key = key();
        gateway.authorize(request("pm_card_visa", 1000), key);

        SimulatedReply mismatch = provider.createAndConfirm(key, 2000, "EUR", "pm_card_visa", Map.of());

        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.error().type()).isEqualTo("idempotency_error");
        assertThat(gateway.authorize(request("pm_card_visa", 999), key)).isInstanceOfSatisfying(Declined.class,
                declined -> assertThat(declined.code()).isEqualTo("idempotency_key_in_use"));
    }

    @Test
    void capturesAndRefundsFollowTheStateMachine() {
        Authorized authorized = (Authorized) gateway.authorize(request("pm_card_visa", 1000), key());
        String pi = authorized.providerPaymentId();

        assertThat(gateway.capture(pi, 1001, key())).isInstanceOf(CaptureRefused.class);
        assertThat(gateway.refund(pi, UUID.randomUUID(), 10, key()).status()).isEqualTo(RefundStatus.FAILED);
        assertThat(gateway.capture(pi, 800, key())).isEqualTo(new Captured(800));
        assertThat(gateway.cancel(pi, key())).isInstanceOf(PaymentGateway.CancelRefused.class);
        RefundOutcome refund = gateway.refund(pi, UUID.randomUUID(), 800, key());
        assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(refund.providerRefundId()).startsWith("re_sim_");
        assertThat(gateway.refund(pi, UUID.randomUUID(), 1, key()).status()).isEqualTo(RefundStatus.FAILED);
    }

    /**
     * captureFail's hold has lapsed by the capture: the intent is canceled and the capture refused, and the
     * payment, with nothing held any more, ends VOIDED; the saga's void that follows finds nothing to undo.
     */
    @Test
    void aCaptureOfCaptureFailIsRefusedAndThePaymentEndsVoided() {
        Authorized authorized = (Authorized) gateway.authorize(request("pm_card_captureFail", 1000), key());
        assertThat(gateway.capture(authorized.providerPaymentId(), 1000, key())).isInstanceOfSatisfying(
                CaptureRefused.class, refused -> {
                    assertThat(refused.code()).isEqualTo("payment_intent_unexpected_state");
                    assertThat(refused.authorizationGone()).isTrue();
                });
        assertThat(jdbc.sql("select status from simulated_intents where id = :id")
                .param("id", authorized.providerPaymentId()).query(String.class).single()).isEqualTo("canceled");

        UUID order = UUID.randomUUID();
        assertThat(authorize(order, io.tienda.platform.testing.security.TestTokens.newCustomer(), 1000,
                "pm_card_captureFail")).isInstanceOf(io.tienda.platform.events.saga.PaymentAuthorized.class);
        assertThat(capture(order, 1000)).isInstanceOfSatisfying(
                io.tienda.platform.events.saga.PaymentCaptureFailed.class,
                failed -> assertThat(failed.reason()).contains("payment_intent_unexpected_state"));
        UUID payment = paymentOf(order);
        eventually(() -> "VOIDED".equals(status(payment)));
        assertThat(payment(payment)).containsEntry("captured_amount", 0L);
        assertThat(voidPayment(order, "capture-failed")).isInstanceOf(io.tienda.platform.events.saga.PaymentVoided.class);
        assertThat(status(payment)).isEqualTo("VOIDED");
    }

    @Test
    void aRefundOfRefundFailSucceedsThenFailsAndTheLedgerFollowsIt() {
        UUID order = UUID.randomUUID();
        authorize(order, io.tienda.platform.testing.security.TestTokens.newCustomer(), 1000, "pm_card_refundFail");
        capture(order, 1000);
        UUID payment = paymentOf(order);
        String pi = payment(payment).get("provider_payment_id").toString();
        UUID refund = UUID.fromString(api.post("/api/v1/payments/" + payment + "/refunds", staff("MANAGER"),
                Map.of("amount", 1000, "reason", "damaged"), "k-" + UUID.randomUUID()).expect(201).json()
                .get("id").asString());
        assertThat(jdbc.sql("select status from refunds where id = :id").param("id", refund).query(String.class)
                .single()).isEqualTo("SUCCEEDED");

        // Some time later the card's bank refuses it; the provider says so by webhook.
        eventually(() -> "FAILED".equals(jdbc.sql("select status from refunds where id = :id").param("id", refund)
                .query(String.class).single()));

        eventually(() -> "CAPTURED".equals(status(payment)));
        assertThat(payment(payment)).containsEntry("refunded_amount", 0L).containsEntry("refund_pending_amount", 0L);
        assertThat(jdbc.sql("select failure_reason from refunds where id = :id").param("id", refund)
                .query(String.class).single()).isEqualTo("expired_or_canceled_card");
        assertThat(count("select amount_refunded from simulated_intents where id = ?", pi)).isZero();
        messages().await(io.tienda.platform.events.Topics.PAYMENT_EVENTS, "payment.refund_failed", order.toString(), 1);
        // The provider's total went down, so the money may be refunded again.
        assertThat(api.post("/api/v1/payments/" + payment + "/refunds", staff("MANAGER"),
                Map.of("amount", 1000, "reason", "damaged, again"), "k-" + UUID.randomUUID()).expect(201).json()
                .get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(status(payment)).isEqualTo("REFUNDED");
        eventually(() -> "CAPTURED".equals(status(payment)));
        assertThat(count("select count(*) from refunds where payment_id = ? and status = 'FAILED'", payment))
                .isEqualTo(2);
    }
}
