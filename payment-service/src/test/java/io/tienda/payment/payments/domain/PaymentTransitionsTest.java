package io.tienda.payment.payments.domain;

import io.tienda.platform.problem.IllegalTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentTransitionsTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-01T10:05:00Z");

    private static Payment in(PaymentStatus status) {
        return new Payment(UUID.randomUUID(), UUID.randomUUID(), "c-1", PaymentProvider.SIMULATED, status, 5_000,
                "EUR", CREATED, CREATED);
    }

    @Test
    void authorisedThenCapturedThenRefundedInParts() {
        Payment captured = in(PaymentStatus.PENDING).authorized(LATER).captured(LATER);
        Payment partly = captured.refunded(2_000, LATER);
        Payment whole = partly.refunded(5_000, LATER);

        assertThat(captured.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(partly.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(partly.refunded(3_000, LATER).status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(whole.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(whole.updatedAt()).isEqualTo(LATER);
        assertThat(whole.status().isFinal()).isTrue();
    }

    @Test
    void anAuthorisationMayBeVoidedOrFail() {
        assertThat(in(PaymentStatus.AUTHORIZED).voided(LATER).status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(in(PaymentStatus.AUTHORIZED).failed(LATER).status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(in(PaymentStatus.PENDING).failed(LATER).status()).isEqualTo(PaymentStatus.FAILED);
    }

    @Test
    void moneyNeverTakenCannotBeCapturedOrRefunded() {
        assertRefused(PaymentStatus.PENDING, Payment::captured);
        assertRefused(PaymentStatus.PENDING, (p, t) -> p.refunded(1, t));
        assertRefused(PaymentStatus.AUTHORIZED, (p, t) -> p.refunded(1, t));
        assertRefused(PaymentStatus.CAPTURED, Payment::voided);
        assertRefused(PaymentStatus.CAPTURED, Payment::authorized);
        assertRefused(PaymentStatus.CAPTURED, Payment::captured);
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = {"FAILED", "VOIDED", "REFUNDED"})
    void finalStatesAllowNoMove(PaymentStatus end) {
        assertThat(end.isFinal()).isTrue();
        assertRefused(end, Payment::authorized);
        assertRefused(end, Payment::captured);
        assertRefused(end, Payment::voided);
        assertRefused(end, Payment::failed);
        assertRefused(end, (p, t) -> p.refunded(1, t));
    }

    @Test
    void aRefundTotalMustLieWithinTheAmount() {
        Payment captured = in(PaymentStatus.CAPTURED);
        assertThatIllegalArgumentException().isThrownBy(() -> captured.refunded(0, LATER));
        assertThatIllegalArgumentException().isThrownBy(() -> captured.refunded(5_001, LATER));
    }

    private static void assertRefused(PaymentStatus from, BiFunction<Payment, Instant, Payment> move) {
        Payment payment = in(from);
        assertThatThrownBy(() -> move.apply(payment, LATER))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageStartingWith("payment " + payment.id() + " is " + from);
    }
}
