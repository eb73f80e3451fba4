package io.tienda.payment.payments.domain;

import io.tienda.platform.problem.DomainException;
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
    void failedVoidedAndRefundedPaymentsMoveNoFurther(PaymentStatus end) {
        assertThat(end.isFinal()).isEqualTo(end != PaymentStatus.REFUNDED);
        assertRefused(end, Payment::authorized);
        assertRefused(end, Payment::captured);
        assertRefused(end, Payment::voided);
        assertRefused(end, Payment::failed);
        assertRefused(end, (p, t) -> p.refunded(1, t));
    }

    @Test
    void aRefundThatFailsAfterSucceedingTakesThePaymentBackAsFarAsCaptured() {
        Payment whole = in(PaymentStatus.CAPTURED).refundRequested(5_000, LATER).refundSettled(5_000, LATER);

        Payment partly = whole.refundReversed(2_000, LATER);
        assertThat(partly.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(partly.refundedAmount()).isEqualTo(3_000);
        assertThat(partly.refundable()).isEqualTo(2_000);

        Payment none = partly.refundReversed(3_000, LATER);
        assertThat(none.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(none.refundedAmount()).isZero();
        assertThat(none.refundable()).isEqualTo(5_000);
        // Never below nothing refunded; a reversal of nothing leaves the payment as it is.
        assertThat(whole.refundReversed(9_999, LATER).refundedAmount()).isZero();
        assertThat(none.refundReversed(1, LATER)).isSameAs(none);
        assertThat(whole.refundReversed(0, LATER)).isSameAs(whole);
        // Its pending refunds stay set aside.
        Payment withPending = in(PaymentStatus.CAPTURED).refundRequested(1_000, LATER).refundSettled(1_000, LATER)
                .refundRequested(500, LATER).refundReversed(1_000, LATER);
        assertThat(withPending.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(withPending.refundPendingAmount()).isEqualTo(500);
    }

    @Test
    void moneyPaidBackOutsideTheProviderEndsWhatMayBeRefundedButMovesNoStatus() {
        Payment partly = in(PaymentStatus.CAPTURED).refundRequested(1_000, LATER).refundSettled(1_000, LATER);

        Payment settled = partly.refundedOutside(4_000, LATER);
        assertThat(settled.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(settled.refundedOutsideAmount()).isEqualTo(4_000);
        assertThat(settled.refundable()).isZero();
        assertThatThrownBy(() -> settled.refundRequested(1, LATER)).isInstanceOf(DomainException.class)
                .hasMessageContaining("at most 0");
        assertThatThrownBy(() -> settled.reversal(5_000)).isInstanceOf(DomainException.class)
                .hasMessageContaining("4000 was paid back outside the provider");
        // never more than the capture that way; what adds nothing leaves the payment as it is
        Payment twice = settled.refundedOutside(4_000, LATER);
        assertThat(twice.refundedOutsideAmount()).isEqualTo(5_000);
        assertThat(twice.refundable()).isEqualTo(-1_000);
        assertThat(twice.refundedOutside(1, LATER)).isSameAs(twice);
        // the provider's own refunds still settle: the customer may be paid twice, and the ledger says so
        Payment pending = in(PaymentStatus.CAPTURED).refundRequested(5_000, LATER).refundedOutside(5_000, LATER);
        assertThat(pending.refundSettled(5_000, LATER).refundable()).isEqualTo(-5_000);
        assertThatThrownBy(() -> in(PaymentStatus.AUTHORIZED).refundedOutside(5_000, LATER))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aRefundTotalMustLieWithinTheAmount() {
        Payment captured = in(PaymentStatus.CAPTURED);
        assertThatIllegalArgumentException().isThrownBy(() -> captured.refunded(0, LATER));
        assertThatIllegalArgumentException().isThrownBy(() -> captured.refunded(5_001, LATER));
    }

    @Test
    void threeDSecureComesBetweenPendingAndAuthorised() {
        NextAction action = new NextAction("redirect_to_url", "https://example.test/3ds", "pi_1_secret");
        Payment waiting = in(PaymentStatus.PENDING).actionRequired("pi_1", action, LATER);

        assertThat(waiting.status()).isEqualTo(PaymentStatus.REQUIRES_ACTION);
        assertThat(waiting.nextAction()).isEqualTo(action);
        assertThat(waiting.authorized("pi_1", LATER.plusSeconds(3600), LATER).status())
                .isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(waiting.failed("pi_1", "authentication failed", null, LATER).status())
                .isEqualTo(PaymentStatus.FAILED);
        assertThat(waiting.voided(LATER).status()).isEqualTo(PaymentStatus.VOIDED);
        assertRefused(PaymentStatus.REQUIRES_ACTION, Payment::captured);
        assertThat(waiting.toString()).doesNotContain("pi_1_secret");
    }

    @Test
    void aCaptureMayTakeLessThanTheAuthorisationAndRefundsAreBoundByWhatWasTaken() {
        Payment captured = in(PaymentStatus.AUTHORIZED).captured(3_000, LATER);

        assertThat(captured.capturedAmount()).isEqualTo(3_000);
        assertThat(captured.refundable()).isEqualTo(3_000);
        assertThat(captured.refunded(3_000, LATER).status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThatIllegalArgumentException().isThrownBy(() -> captured.refunded(3_001, LATER));
        assertThatIllegalArgumentException().isThrownBy(() -> in(PaymentStatus.AUTHORIZED).captured(5_001, LATER));
    }

    @Test
    void theLedgerSetsPendingRefundsAsideAndRefusesMoreThanIsLeft() {
        Payment captured = in(PaymentStatus.CAPTURED);
        Payment held = captured.refundRequested(2_000, LATER).refundRequested(2_500, LATER);

        assertThat(held.refundPendingAmount()).isEqualTo(4_500);
        assertThat(held.refundable()).isEqualTo(500);
        assertThatThrownBy(() -> held.refundRequested(501, LATER))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.type().toString()).endsWith("/refund-exceeds-captured");
                });
        Payment settled = held.refundSettled(2_000, LATER);
        assertThat(settled.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(settled.refundedAmount()).isEqualTo(2_000);
        assertThat(settled.refundPendingAmount()).isEqualTo(2_500);
        Payment released = settled.refundReleased(2_500, LATER);
        assertThat(released.refundable()).isEqualTo(3_000);
        assertThatThrownBy(() -> in(PaymentStatus.AUTHORIZED).refundRequested(1, LATER))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void aRefundMadeAtTheProviderJoinsTheLedgerWithoutEverExceedingWhatWasTaken() {
        Payment partly = in(PaymentStatus.CAPTURED).refundedElsewhere(1_000, LATER);
        assertThat(partly.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(partly.refundedAmount()).isEqualTo(1_000);

        Payment whole = partly.refundedElsewhere(9_999, LATER);
        assertThat(whole.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(whole.refundedAmount()).isEqualTo(5_000);
    }

    @Test
    void aRefundAtTheProviderThatAddsNothingLeavesEvenARefundedPaymentAsItIs() {
        Payment whole = in(PaymentStatus.CAPTURED).refundedElsewhere(5_000, LATER);
        assertThat(whole.status()).isEqualTo(PaymentStatus.REFUNDED);

        assertThat(whole.refundedElsewhere(5_000, LATER.plusSeconds(1))).isSameAs(whole);
        assertThat(whole.refundedElsewhere(0, LATER.plusSeconds(1))).isSameAs(whole);
        Payment partly = in(PaymentStatus.CAPTURED).refundedElsewhere(500, LATER);
        assertThat(partly.refundedElsewhere(-1, LATER.plusSeconds(1))).isSameAs(partly);
    }

    @Test
    void captureAndVoidRequestsNeedAnAuthorisation() {
        Payment authorized = in(PaymentStatus.AUTHORIZED);

        assertThat(authorized.captureRequested(5_000, LATER).pendingAction()).isEqualTo(PendingAction.CAPTURE);
        assertThat(authorized.voidRequested("timeout", LATER).pendingAction()).isEqualTo(PendingAction.VOID);
        assertThatThrownBy(() -> authorized.captureRequested(5_001, LATER)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> in(PaymentStatus.CAPTURED).captureRequested(1, LATER))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> in(PaymentStatus.FAILED).voidRequested("x", LATER)).isInstanceOf(DomainException.class);
    }

    @Test
    void aReversalGivesBackWhatIsLeftAfterEarlierRefundsAndNeverMoreThanAsked() {
        Payment captured = in(PaymentStatus.CAPTURED);
        Payment partlyRefunded = captured.refundRequested(100, LATER).refundSettled(100, LATER);
        Payment withPending = captured.refundRequested(1_000, LATER);

        assertThat(captured.reversal(5_000)).isEqualTo(5_000);
        assertThat(partlyRefunded.reversal(5_000)).isEqualTo(4_900);
        assertThat(partlyRefunded.reversal(3_000)).isEqualTo(3_000);
        assertThat(withPending.reversal(5_000)).isEqualTo(4_000);
        // What the reversal sets aside always fits in the ledger.
        Payment reversed = partlyRefunded.refundRequested(partlyRefunded.reversal(5_000), LATER)
                .refundSettled(4_900, LATER);
        assertThat(reversed.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(reversed.refundedAmount()).isEqualTo(5_000);
    }

    @Test
    void aReversalOfAPaymentWithNothingLeftOrNeverCapturedIsRefused() {
        Payment refunded = in(PaymentStatus.CAPTURED).refundRequested(5_000, LATER).refundSettled(5_000, LATER);
        Payment allPending = in(PaymentStatus.CAPTURED).refundRequested(5_000, LATER);

        for (Payment payment : new Payment[] {refunded, allPending}) {
            assertThatThrownBy(() -> payment.reversal(5_000)).isInstanceOf(DomainException.class)
                    .hasMessageStartingWith("nothing-to-refund")
                    .satisfies(e -> assertThat(((DomainException) e).type().toString()).endsWith("/nothing-to-refund"));
        }
        assertThatThrownBy(() -> in(PaymentStatus.AUTHORIZED).reversal(5_000)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).type().toString()).endsWith("/payment-not-captured"));
    }

    private static void assertRefused(PaymentStatus from, BiFunction<Payment, Instant, Payment> move) {
        Payment payment = in(from);
        assertThatThrownBy(() -> move.apply(payment, LATER))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageStartingWith("payment " + payment.id() + " is " + from);
    }
}
