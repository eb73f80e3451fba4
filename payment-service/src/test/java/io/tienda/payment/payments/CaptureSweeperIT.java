package io.tienda.payment.payments;

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

/** No authorisation is left to lapse: the sweeper captures what was confirmed and voids the rest in time. */
class CaptureSweeperIT extends PaymentIT {

    @Autowired
    CaptureSweeper sweeper;

    private UUID authorizedUntil(UUID order, Instant captureBefore) {
        authorize(order, TestTokens.newCustomer(), 1500, "pm_card_visa");
        UUID payment = paymentOf(order);
        jdbc.sql("update payments set capture_before = :at where id = :id")
                .param("at", Timestamp.from(captureBefore)).param("id", payment).update();
        return payment;
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
        // As if the capture command had found the provider unavailable.
        jdbc.sql("update payments set pending_action = 'CAPTURE', pending_capture_amount = 1500 where id = :id")
                .param("id", payment).update();

        sweeper.sweep();

        assertThat(status(payment)).isEqualTo("CAPTURED");
        assertThat(intentStatus(payment)).isEqualTo("succeeded");
        messages().await(Topics.SAGA_REPLIES, "payment.captured", order.toString(), 1);
    }

    @Test
    void anAuthorisationFarFromItsEndIsLeftAlone() {
        UUID payment = authorizedUntil(UUID.randomUUID(), Instant.now().plus(Duration.ofDays(6)));

        sweeper.sweep();

        assertThat(status(payment)).isEqualTo("AUTHORIZED");
        assertThat(intentStatus(payment)).isEqualTo("requires_capture");
    }
}
