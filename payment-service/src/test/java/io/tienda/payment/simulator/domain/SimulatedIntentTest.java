package io.tienda.payment.simulator.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedIntentTest {

    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    private static SimulatedIntent confirmed(String paymentMethod) {
        return SimulatedIntent.confirmed("pi_sim_1", 1000, "EUR", paymentMethod, "pi_sim_1_secret", Map.of(),
                TestPaymentMethods.of(paymentMethod), NOW);
    }

    @Test
    void stripesTestPaymentMethodsHaveStripesOutcomes() {
        SimulatedIntent visa = confirmed("pm_card_visa");
        assertThat(visa.status()).isEqualTo(IntentStatus.REQUIRES_CAPTURE);
        assertThat(visa.amountCapturable()).isEqualTo(1000);
        assertThat(visa.captureBefore()).isEqualTo(NOW.plus(SimulatedIntent.HOLD));

        SimulatedIntent declined = confirmed("pm_card_chargeDeclined");
        assertThat(declined.status()).isEqualTo(IntentStatus.REQUIRES_PAYMENT_METHOD);
        assertThat(declined.lastDeclineCode()).isEqualTo("generic_decline");
        assertThat(declined.declinedOnConfirm()).isTrue();
        assertThat(confirmed("pm_card_chargeDeclinedInsufficientFunds").lastDeclineCode())
                .isEqualTo("insufficient_funds");
        assertThat(confirmed("pm_card_authenticationRequired").status()).isEqualTo(IntentStatus.REQUIRES_ACTION);
        assertThat(TestPaymentMethods.of("pm_card_timeout")).isInstanceOf(TestPaymentMethods.TimesOut.class);
        assertThat(TestPaymentMethods.of("4242424242424242")).isInstanceOf(TestPaymentMethods.Unknown.class);
    }

    @Test
    void threeDSecureEndsHeldOrDeclined() {
        assertThat(confirmed("pm_card_authenticationRequired").authenticated(true, NOW).status())
                .isEqualTo(IntentStatus.REQUIRES_CAPTURE);
        SimulatedIntent failed = confirmed("pm_card_authenticationRequired").authenticated(false, NOW);
        assertThat(failed.status()).isEqualTo(IntentStatus.REQUIRES_PAYMENT_METHOD);
        assertThat(failed.lastErrorCode()).isEqualTo("payment_intent_authentication_failure");
        assertThatThrownBy(() -> confirmed("pm_card_visa").authenticated(true, NOW))
                .isInstanceOf(SimulatedProviderException.class);
    }

    @Test
    void captureAtMostWhatIsHeldThenRefundAtMostWhatWasCaptured() {
        SimulatedIntent captured = confirmed("pm_card_visa").captured(600);
        assertThat(captured.status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(captured.amountReceived()).isEqualTo(600);
        assertThatThrownBy(() -> confirmed("pm_card_visa").captured(1001))
                .isInstanceOf(SimulatedProviderException.class);
        assertThatThrownBy(() -> captured.captured(1)).isInstanceOf(SimulatedProviderException.class);
        assertThatThrownBy(() -> captured.canceled("abandoned")).isInstanceOf(SimulatedProviderException.class);
        assertThat(captured.refunded(600).amountRefunded()).isEqualTo(600);
        assertThatThrownBy(() -> captured.refunded(601)).isInstanceOf(SimulatedProviderException.class);
        assertThatThrownBy(() -> confirmed("pm_card_visa").refunded(1)).isInstanceOf(SimulatedProviderException.class);
    }

    @Test
    void aHeldOrWaitingIntentMayBeCanceledAndItsPaymentMethodStaysOutOfToString() {
        assertThat(confirmed("pm_card_visa").canceled("abandoned").status()).isEqualTo(IntentStatus.CANCELED);
        assertThat(confirmed("pm_card_authenticationRequired").canceled("abandoned").amountCapturable()).isZero();
        assertThat(confirmed("pm_card_visa").toString()).doesNotContain("pm_card");
    }
}
