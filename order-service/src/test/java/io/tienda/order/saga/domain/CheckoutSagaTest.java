package io.tienda.order.saga.domain;

import io.tienda.order.orders.domain.NextAction;
import io.tienda.order.orders.domain.OrderStatus;
import io.tienda.order.orders.domain.Refund;
import io.tienda.order.saga.domain.Decision.AwaitShopper;
import io.tienda.order.saga.domain.Decision.Cancel;
import io.tienda.order.saga.domain.Decision.Confirm;
import io.tienda.order.saga.domain.Decision.Reject;
import io.tienda.order.saga.domain.SagaReply.PaymentActionRequired;
import io.tienda.order.saga.domain.SagaReply.PaymentAuthorized;
import io.tienda.order.saga.domain.SagaReply.PaymentCaptured;
import io.tienda.order.saga.domain.SagaReply.PaymentFailed;
import io.tienda.order.saga.domain.SagaReply.PaymentRefunded;
import io.tienda.order.saga.domain.SagaReply.PaymentVoided;
import io.tienda.order.saga.domain.SagaReply.StockCommitted;
import io.tienda.order.saga.domain.SagaReply.StockRejected;
import io.tienda.order.saga.domain.SagaReply.StockReleased;
import io.tienda.order.saga.domain.SagaReply.StockReserved;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.AuthorizePayment;
import io.tienda.platform.events.saga.CapturePayment;
import io.tienda.platform.events.saga.CommitStock;
import io.tienda.platform.events.saga.RedeemCoupon;
import io.tienda.platform.events.saga.RefundPayment;
import io.tienda.platform.events.saga.ReleaseCoupon;
import io.tienda.platform.events.saga.ReleaseStock;
import io.tienda.platform.events.saga.ReserveStock;
import io.tienda.platform.events.saga.StockLine;
import io.tienda.platform.events.saga.VoidPayment;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every step, branch and compensation of the checkout saga, deadlines and stray replies; no Spring. */
class CheckoutSagaTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final SagaDeadlines DEADLINES = new SagaDeadlines(Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60), 3,
            Duration.ofMinutes(30));
    private static final Money TOTAL = Money.of(2_599, "EUR");

    private final CheckoutSaga saga = new CheckoutSaga(DEADLINES);
    private final UUID orderId = UUID.randomUUID();

    private SagaState begun(SagaState.SagaCoupon coupon) {
        return SagaState.begin(orderId, "c-1", List.of(new StockLine("SKU-1", 2)), TOTAL, "pm_card_visa", "chk_key",
                coupon, T0);
    }

    private static final SagaState.SagaCoupon VERANO = new SagaState.SagaCoupon("VERANO10", Money.of(2_800, "EUR"));

    /** A checkout with a coupon, fed the replies that take it to the step after {@code replies}. */
    private SagaState withCoupon(SagaReply... replies) {
        SagaState state = saga.start(begun(VERANO), T0).state();
        for (SagaReply reply : replies) {
            state = saga.on(reply, state, T0).state();
        }
        return state;
    }

    private Decision started() {
        return saga.start(begun(null), T0);
    }

    private SagaState reserved() {
        return saga.on(new StockReserved(UUID.randomUUID(), T0.plusSeconds(1800)), started().state(), T0).state();
    }

    private SagaState authorized() {
        return saga.on(new PaymentAuthorized("pi_1"), reserved(), T0).state();
    }

    private SagaState committed() {
        return saga.on(new StockCommitted(), authorized(), T0).state();
    }

    private SagaState completed() {
        return saga.on(new PaymentCaptured("pi_1"), committed(), T0).state();
    }

    private static List<Object> payloads(Decision decision) {
        return decision.commands().stream().map(Decision.Command::payload).toList();
    }

    @Nested
    class TheHappyPath {

        @Test
        void startReservesEveryLineUntilTheHoldEnds() {
            Decision decision = started();

            assertThat(decision.state().step()).isEqualTo(SagaStep.RESERVING_STOCK);
            assertThat(decision.state().deadline()).isEqualTo(T0.plusSeconds(30));
            assertThat(decision.state().attempts()).isEqualTo(1);
            assertThat(decision.commands()).singleElement().satisfies(command -> {
                assertThat(command.topic()).isEqualTo(Topics.INVENTORY_COMMANDS);
                assertThat(command.payload()).isEqualTo(new ReserveStock(orderId, List.of(new StockLine("SKU-1", 2)),
                        T0.plus(Duration.ofMinutes(30))));
            });
            assertThat(decision.orderChange()).isNull();
        }

        @Test
        void reservedStockAuthorisesThePaymentWithTheDerivedKey() {
            Decision decision = saga.on(new StockReserved(UUID.randomUUID(), T0.plusSeconds(1800)), started().state(),
                    T0.plusSeconds(1));

            assertThat(decision.state().step()).isEqualTo(SagaStep.AUTHORIZING_PAYMENT);
            assertThat(decision.state().has(Fact.STOCK_RESERVED)).isTrue();
            assertThat(decision.state().deadline()).isEqualTo(T0.plusSeconds(61));
            assertThat(decision.commands()).singleElement().satisfies(command -> {
                assertThat(command.topic()).isEqualTo(Topics.PAYMENT_COMMANDS);
                assertThat(command.payload())
                        .isEqualTo(new AuthorizePayment(orderId, "c-1", TOTAL, "pm_card_visa", "chk_key"));
            });
        }

        @Test
        void anAuthorisedPaymentConfirmsTheOrderAndCommitsTheStock() {
            Decision decision = saga.on(new PaymentAuthorized("pi_1"), reserved(), T0);

            assertThat(decision.state().step()).isEqualTo(SagaStep.COMMITTING_STOCK);
            assertThat(decision.state().paymentId()).isEqualTo("pi_1");
            assertThat(decision.orderChange()).isInstanceOf(Confirm.class);
            assertThat(payloads(decision)).containsExactly(new CommitStock(orderId));
        }

        @Test
        void committedStockCapturesThePaymentAndRedeemsTheCoupon() {
            SagaState state = withCoupon(new StockReserved(UUID.randomUUID(), T0.plusSeconds(1800)),
                    new PaymentAuthorized("pi_1"));

            Decision decision = saga.on(new StockCommitted(), state, T0);

            assertThat(decision.state().step()).isEqualTo(SagaStep.CAPTURING_PAYMENT);
            assertThat(decision.commands()).containsExactly(
                    new Decision.Command(Topics.PAYMENT_COMMANDS, new CapturePayment(orderId, TOTAL)),
                    new Decision.Command(Topics.PRODUCT_COMMANDS,
                            new RedeemCoupon(orderId, "VERANO10", "c-1", Money.of(2_800, "EUR"))));
            assertThat(decision.state().has(Fact.COUPON_REDEEMED)).isTrue();
        }

        @Test
        void withoutACouponNothingIsRedeemed() {
            assertThat(payloads(saga.on(new StockCommitted(), authorized(), T0)))
                    .containsExactly(new CapturePayment(orderId, TOTAL));
        }

        @Test
        void aCaptureAskedAgainDoesNotRedeemTheCouponAgain() {
            SagaState capturing = withCoupon(new StockReserved(UUID.randomUUID(), T0.plusSeconds(1800)),
                    new PaymentAuthorized("pi_1"), new StockCommitted());

            Decision again = saga.onDeadline(capturing, capturing.deadline());

            assertThat(payloads(again)).containsExactly(new CapturePayment(orderId, TOTAL));
        }

        @Test
        void aRefusedCaptureGivesTheRedeemedCouponBack() {
            SagaState capturing = withCoupon(new StockReserved(UUID.randomUUID(), T0.plusSeconds(1800)),
                    new PaymentAuthorized("pi_1"), new StockCommitted());

            Decision decision = saga.on(new SagaReply.PaymentCaptureFailed("authorization_expired"), capturing, T0);

            assertThat(decision.commands()).contains(new Decision.Command(Topics.PRODUCT_COMMANDS,
                    new ReleaseCoupon(orderId, "VERANO10", "payment-capture-failed: authorization_expired")));
            assertThat(decision.state().has(Fact.COUPON_REDEEMED)).isFalse();
            assertThat(decision.state().pending()).as("the release awaits no reply")
                    .containsExactlyInAnyOrder(Compensation.RELEASE_STOCK, Compensation.VOID_PAYMENT);
        }

        @Test
        void aCouponNotRedeemedYetIsNotGivenBack() {
            SagaState committing = withCoupon(new StockReserved(UUID.randomUUID(), T0.plusSeconds(1800)),
                    new PaymentAuthorized("pi_1"));

            Decision decision = saga.cancel(committing, "changed my mind", T0);

            assertThat(payloads(decision)).noneMatch(p -> p instanceof ReleaseCoupon || p instanceof RedeemCoupon);
        }

        @Test
        void aRefusedCaptureReleasesAndVoids() {
            Decision decision = saga.on(new SagaReply.PaymentCaptureFailed("authorization_expired"), committed(), T0);

            assertThat(decision.orderChange()).isEqualTo(new Cancel("payment-capture-failed: authorization_expired"));
            assertThat(decision.state().pending())
                    .containsExactlyInAnyOrder(Compensation.RELEASE_STOCK, Compensation.VOID_PAYMENT);
        }

        @Test
        void aCapturedPaymentCompletesTheCheckout() {
            Decision decision = saga.on(new PaymentCaptured("pi_1"), committed(), T0);

            assertThat(decision.state().step()).isEqualTo(SagaStep.ENDED);
            assertThat(decision.state().outcome()).isEqualTo(SagaOutcome.COMPLETED);
            assertThat(decision.state().deadline()).isNull();
            assertThat(decision.commands()).isEmpty();
        }
    }

    @Nested
    class FailuresAndTheirCompensations {

        @Test
        void rejectedStockRejectsTheOrderWithNothingToUndo() {
            Decision decision = saga.on(new StockRejected("insufficient-stock", List.of("SKU-1")), started().state(),
                    T0);

            assertThat(decision.state().step()).isEqualTo(SagaStep.ENDED);
            assertThat(decision.state().outcome()).isEqualTo(SagaOutcome.REJECTED);
            assertThat(decision.orderChange()).isEqualTo(new Reject("insufficient-stock"));
            assertThat(decision.commands()).isEmpty();
        }

        @Test
        void aDeclinedPaymentReleasesTheStockAndCancels() {
            Decision decision = saga.on(new PaymentFailed("card_declined", "generic_decline"), reserved(), T0);

            assertThat(decision.state().step()).isEqualTo(SagaStep.COMPENSATING);
            assertThat(decision.state().outcome()).isEqualTo(SagaOutcome.CANCELLED);
            assertThat(decision.orderChange()).isInstanceOf(Cancel.class);
            assertThat(((Cancel) decision.orderChange()).reason()).contains("card_declined");
            assertThat(payloads(decision)).containsExactly(
                    new ReleaseStock(orderId, "payment-failed: card_declined"));
            assertThat(decision.state().pending()).containsExactly(Compensation.RELEASE_STOCK);
        }

        @Test
        void theReleaseAcknowledgedEndsTheSaga() {
            SagaState compensating = saga.on(new PaymentFailed("card_declined", null), reserved(), T0).state();

            Decision decision = saga.on(new StockReleased(), compensating, T0);

            assertThat(decision.state().step()).isEqualTo(SagaStep.ENDED);
            assertThat(decision.state().pending()).isEmpty();
            assertThat(decision.state().outcome()).isEqualTo(SagaOutcome.CANCELLED);
        }

        @Test
        void aReservationThatExpiresBeforeThePaymentVoidsItAndCancels() {
            Decision decision = saga.on(new StockReleased(), reserved(), T0);

            assertThat(decision.state().outcome()).isEqualTo(SagaOutcome.CANCELLED);
            assertThat(decision.orderChange()).isEqualTo(new Cancel("reservation-expired"));
            assertThat(payloads(decision)).containsExactly(new VoidPayment(orderId, "reservation-expired"));
            assertThat(decision.state().pending()).containsExactly(Compensation.VOID_PAYMENT);
        }

        @Test
        void aCommitAnsweredWithStockRejectedVoidsThePaymentAndCancelsTheConfirmedOrder() {
            Decision decision = saga.on(new StockRejected("reservation-expired", List.of("SKU-1")), authorized(), T0);

            assertThat(decision.orderChange()).isEqualTo(new Cancel("stock-reservation-expired"));
            assertThat(payloads(decision)).containsExactly(new VoidPayment(orderId, "stock-reservation-expired"));
            assertThat(decision.state().pending()).containsExactly(Compensation.VOID_PAYMENT);
        }

        @Test
        void theVoidAcknowledgedEndsTheSaga() {
            SagaState compensating = saga.on(new StockRejected("reservation-released", List.of()), authorized(), T0)
                    .state();

            Decision decision = saga.on(new PaymentVoided(), compensating, T0);

            assertThat(decision.state().step()).isEqualTo(SagaStep.ENDED);
        }

        @Test
        void aFailedCaptureReleasesTheCommittedStockAndVoids() {
            Decision decision = saga.on(new PaymentFailed("authorization_expired", null), committed(), T0);

            assertThat(payloads(decision)).containsExactlyInAnyOrder(
                    new ReleaseStock(orderId, "payment-capture-failed: authorization_expired"),
                    new VoidPayment(orderId, "payment-capture-failed: authorization_expired"));
            assertThat(decision.state().pending())
                    .containsExactlyInAnyOrder(Compensation.RELEASE_STOCK, Compensation.VOID_PAYMENT);
        }
    }

    @Nested
    class ThreeDSecure {

        private final NextAction action = new NextAction("redirect_to_url", "https://hooks.stripe.com/3ds/x", "pi_secret", null);

        @Test
        void anActionRequiredKeepsTheOrderPendingAndWaitsForTheShopper() {
            Decision decision = saga.on(new PaymentActionRequired(action), reserved(), T0.plusSeconds(5));

            assertThat(decision.state().step()).isEqualTo(SagaStep.AUTHORIZING_PAYMENT);
            Instant until = T0.plusSeconds(5).plus(Duration.ofMinutes(15));
            assertThat(decision.state().nextAction()).isEqualTo(action.until(until));
            assertThat(decision.state().deadline()).isEqualTo(until);
            assertThat(decision.orderChange()).isEqualTo(new AwaitShopper(action.until(until)));
            assertThat(decision.commands()).isEmpty();
        }

        @Test
        void theAuthorisationAfterTheActionConfirmsAsUsual() {
            SagaState waiting = saga.on(new PaymentActionRequired(action), reserved(), T0).state();

            Decision decision = saga.on(new PaymentAuthorized("pi_1"), waiting, T0.plusSeconds(60));

            assertThat(decision.orderChange()).isInstanceOf(Confirm.class);
            assertThat(decision.state().nextAction()).isNull();
        }

        @Test
        void aShopperWhoNeverCompletesTheActionIsCompensatedAtTheDeadline() {
            SagaState waiting = saga.on(new PaymentActionRequired(action), reserved(), T0).state();

            Decision early = saga.onDeadline(waiting, T0.plus(Duration.ofMinutes(14)));
            Decision late = saga.onDeadline(waiting, T0.plus(Duration.ofMinutes(15)));

            assertThat(early.ignored()).isTrue();
            assertThat(late.orderChange()).isEqualTo(new Cancel("payment-action-timed-out"));
            assertThat(payloads(late)).containsExactlyInAnyOrder(
                    new ReleaseStock(orderId, "payment-action-timed-out"),
                    new VoidPayment(orderId, "payment-action-timed-out"));
        }
    }

    @Nested
    class Deadlines {

        @Test
        void aSilentStepIsAskedAgainUntilItsAttemptsRunOut() {
            SagaState state = started().state();

            Decision second = saga.onDeadline(state, T0.plusSeconds(30));
            Decision third = saga.onDeadline(second.state(), T0.plusSeconds(60));
            Decision givenUp = saga.onDeadline(third.state(), T0.plusSeconds(90));

            assertThat(second.state().attempts()).isEqualTo(2);
            assertThat(second.state().deadline()).isEqualTo(T0.plusSeconds(60));
            assertThat(payloads(second)).singleElement().isInstanceOf(ReserveStock.class);
            assertThat(payloads(second).get(0)).isEqualTo(payloads(started()).get(0));
            assertThat(third.state().attempts()).isEqualTo(3);
            assertThat(givenUp.orderChange()).isEqualTo(new Cancel("stock-reservation-timed-out"));
            assertThat(payloads(givenUp)).containsExactly(new ReleaseStock(orderId, "stock-reservation-timed-out"));
        }

        @Test
        void nothingHappensBeforeTheDeadline() {
            assertThat(saga.onDeadline(started().state(), T0.plusSeconds(29)).ignored()).isTrue();
        }

        @Test
        void anUnansweredAuthorisationIsResentWithTheSameKeyThenVoidedAndReleased() {
            SagaState state = reserved();
            Decision again = saga.onDeadline(state, state.deadline());
            assertThat(payloads(again)).containsExactly(
                    new AuthorizePayment(orderId, "c-1", TOTAL, "pm_card_visa", "chk_key"));

            SagaState exhausted = saga.onDeadline(again.state(), again.state().deadline()).state();
            Decision givenUp = saga.onDeadline(exhausted, exhausted.deadline());

            assertThat(givenUp.orderChange()).isEqualTo(new Cancel("payment-authorization-timed-out"));
            assertThat(payloads(givenUp)).containsExactlyInAnyOrder(
                    new ReleaseStock(orderId, "payment-authorization-timed-out"),
                    new VoidPayment(orderId, "payment-authorization-timed-out"));
        }

        @Test
        void anUnansweredCommitIsResentThenCompensated() {
            SagaState state = authorized();
            Decision again = saga.onDeadline(state, state.deadline());
            assertThat(payloads(again)).containsExactly(new CommitStock(orderId));

            SagaState exhausted = saga.onDeadline(again.state(), again.state().deadline()).state();
            Decision givenUp = saga.onDeadline(exhausted, exhausted.deadline());
            assertThat(givenUp.orderChange()).isEqualTo(new Cancel("stock-commit-timed-out"));
            assertThat(givenUp.state().pending())
                    .containsExactlyInAnyOrder(Compensation.RELEASE_STOCK, Compensation.VOID_PAYMENT);
        }

        @Test
        void anUnansweredCaptureIsResentThenCompensated() {
            SagaState state = committed();
            Decision again = saga.onDeadline(state, state.deadline());
            assertThat(payloads(again)).containsExactly(new CapturePayment(orderId, TOTAL));

            SagaState exhausted = saga.onDeadline(again.state(), again.state().deadline()).state();
            Decision givenUp = saga.onDeadline(exhausted, exhausted.deadline());
            assertThat(givenUp.orderChange()).isEqualTo(new Cancel("payment-capture-timed-out"));
        }

        @Test
        void unacknowledgedCompensationsAreResentThenLeftForOperations() {
            SagaState compensating = saga.on(new PaymentFailed("declined", null), reserved(), T0).state();

            Decision again = saga.onDeadline(compensating, compensating.deadline());
            assertThat(payloads(again)).containsExactly(new ReleaseStock(orderId, "payment-failed: declined"));
            assertThat(again.state().attempts()).isEqualTo(2);
            assertThat(again.orderChange()).isNull();

            SagaState third = saga.onDeadline(again.state(), again.state().deadline()).state();
            Decision givenUp = saga.onDeadline(third, third.deadline());

            assertThat(givenUp.state().step()).isEqualTo(SagaStep.ENDED);
            assertThat(givenUp.state().pending()).containsExactly(Compensation.RELEASE_STOCK);
            assertThat(givenUp.commands()).isEmpty();
        }

        /** Cancelled while reserving, then nobody answered the release or the void: the saga gave up. */
        private SagaState gaveUp() {
            SagaState state = saga.cancel(started().state(), "cancelled by customer", T0).state();
            for (int i = 0; i < DEADLINES.maxAttempts(); i++) {
                state = saga.onDeadline(state, state.deadline()).state();
            }
            assertThat(state.step()).isEqualTo(SagaStep.ENDED);
            assertThat(state.pending()).containsExactlyInAnyOrder(Compensation.RELEASE_STOCK,
                    Compensation.VOID_PAYMENT);
            return state;
        }

        @Test
        void anAcknowledgementAfterTheSagaGaveUpClearsWhatItAcknowledgesAndSendsNothing() {
            Decision released = saga.on(new StockReleased(), gaveUp(), T0.plusSeconds(600));

            assertThat(released.ignored()).isFalse();
            assertThat(released.commands()).isEmpty();
            assertThat(released.orderChange()).isNull();
            assertThat(released.state().step()).isEqualTo(SagaStep.ENDED);
            assertThat(released.state().deadline()).isNull();
            assertThat(released.state().pending()).containsExactly(Compensation.VOID_PAYMENT);
            assertThat(Attention.of(released.state())).containsExactly(Attention.PAYMENT_VOID_UNCONFIRMED);

            Decision voided = saga.on(new PaymentVoided(), released.state(), T0.plusSeconds(601));
            assertThat(voided.state().step()).isEqualTo(SagaStep.ENDED);
            assertThat(voided.state().pending()).isEmpty();
            assertThat(voided.state().attempts()).isZero();
            assertThat(Attention.of(voided.state())).isEmpty();
            assertThat(saga.on(new StockReleased(), voided.state(), T0).ignored()).isTrue();
        }

        @Test
        void aDeclinedPaymentAfterTheSagaGaveUpCountsAsTheVoidAndAnotherRefundsAnswerAsNothing() {
            SagaState state = gaveUp();
            Decision declined = saga.on(new PaymentFailed("declined", null), state, T0);
            assertThat(declined.state().pending()).containsExactly(Compensation.RELEASE_STOCK);
            assertThat(declined.state().step()).isEqualTo(SagaStep.ENDED);

            assertThat(saga.on(new PaymentRefunded("re_9", "return:rma-1"), state, T0).ignored()).isTrue();
        }

        @Test
        void aRefundAcknowledgedAfterTheSagaGaveUpIsRefundedAndOnlyForTheSagasKey() {
            SagaState cancelled = saga.cancel(completed(), "cancelled by customer", T0).state();
            SagaState state = cancelled;
            for (int i = 0; i < DEADLINES.maxAttempts(); i++) {
                state = saga.onDeadline(state, state.deadline()).state();
            }
            assertThat(Attention.of(state)).containsExactlyInAnyOrder(Attention.STOCK_RELEASE_UNCONFIRMED,
                    Attention.REFUND_UNCONFIRMED);
            assertThat(new CheckoutReview(state, "TND-1", OrderStatus.CANCELLED, null, null).refund())
                    .isEqualTo(CheckoutReview.RefundState.UNCONFIRMED);

            assertThat(saga.on(new PaymentRefunded("re_9", "return:rma-1"), state, T0).ignored()).isTrue();
            SagaState refunded = saga.on(new PaymentRefunded("re_1", "chk_key-refund"), state, T0).state();
            assertThat(refunded.pending()).containsExactly(Compensation.RELEASE_STOCK);
            assertThat(new CheckoutReview(refunded, "TND-1", OrderStatus.CANCELLED, null, null).refund())
                    .isEqualTo(CheckoutReview.RefundState.REFUNDED);
        }

        /** Staff paid the unconfirmed refund another way; the provider's refund then succeeds after all. */
        @Test
        void aRefundMadeAfterStaffPaidItAnotherWayIsPaidTwice() {
            SagaState state = saga.cancel(completed(), "cancelled by customer", T0).state();
            for (int i = 0; i < DEADLINES.maxAttempts(); i++) {
                state = saga.onDeadline(state, state.deadline()).state();
            }
            SagaState settled = state.refundSettledElsewhere(T0.plusSeconds(60));
            assertThat(settled.updatedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(new CheckoutReview(state, "TND-1", OrderStatus.CANCELLED, null, null).refundOutstanding())
                    .isTrue();
            assertThat(new CheckoutReview(settled, "TND-1", OrderStatus.CANCELLED, null, null).refundOutstanding())
                    .as("paid another way already").isFalse();
            assertThat(Attention.of(settled)).containsExactlyInAnyOrder(Attention.STOCK_RELEASE_UNCONFIRMED,
                    Attention.REFUND_UNCONFIRMED);

            SagaState refunded = saga.on(new PaymentRefunded("re_1", "chk_key-refund"), settled, T0).state();
            assertThat(Attention.of(refunded)).containsExactlyInAnyOrder(Attention.STOCK_RELEASE_UNCONFIRMED,
                    Attention.REFUND_PAID_TWICE);
            // a reversal that found nothing left to give back (staff's payment is in the ledger) paid nothing
            SagaState nothingMore = saga.on(new PaymentRefunded(null, "chk_key-refund", Money.of(0, "EUR")), settled,
                    T0).state();
            assertThat(nothingMore.refundDue()).isZero();
            assertThat(Attention.of(nothingMore)).containsExactly(Attention.STOCK_RELEASE_UNCONFIRMED);
            // without the settlement the same answer only clears what it acknowledges
            assertThat(Attention.of(saga.on(new PaymentRefunded("re_1", "chk_key-refund"), state, T0).state()))
                    .containsExactly(Attention.STOCK_RELEASE_UNCONFIRMED);
        }

        @Test
        void aCompletedSagaNeedsNoAttention() {
            assertThat(Attention.of(completed())).isEmpty();
            CheckoutReview review = new CheckoutReview(completed(), "TND-1", OrderStatus.CONFIRMED, null, null);
            assertThat(review.needsAttention()).isFalse();
            assertThat(review.refund()).isEqualTo(CheckoutReview.RefundState.NONE);
        }

        /** A refund the saga gave up waiting for is still on its way for the shopper; only a refusal fails. */
        @Test
        void theShopperIsToldOfARefundOnlyWhileThereIsOne() {
            assertThat(CheckoutReview.RefundState.NONE.forShopper()).isNull();
            assertThat(CheckoutReview.RefundState.REQUESTED.forShopper()).isEqualTo(Refund.Status.PENDING);
            assertThat(CheckoutReview.RefundState.UNCONFIRMED.forShopper()).isEqualTo(Refund.Status.PENDING);
            assertThat(CheckoutReview.RefundState.REFUNDED.forShopper()).isEqualTo(Refund.Status.REFUNDED);
            assertThat(CheckoutReview.RefundState.REFUSED.forShopper()).isEqualTo(Refund.Status.FAILED);
        }

        @Test
        void anEndedSagaHasNoDeadline() {
            assertThat(saga.onDeadline(completed(), T0.plusSeconds(3600)).ignored()).isTrue();
        }
    }

    @Nested
    class DuplicateAndOutOfOrderReplies {

        @Test
        void aSecondStockReservedIsIgnored() {
            SagaState authorizing = reserved();

            Decision decision = saga.on(new StockReserved(UUID.randomUUID(), T0), authorizing, T0);

            assertThat(decision.ignored()).isTrue();
            assertThat(decision.state()).isEqualTo(authorizing);
            assertThat(decision.commands()).isEmpty();
        }

        @Test
        void repliesOfLaterStepsBeforeTheirTimeAreIgnored() {
            SagaState reserving = started().state();

            assertThat(saga.on(new PaymentAuthorized("pi_1"), reserving, T0).ignored()).isTrue();
            assertThat(saga.on(new StockCommitted(), reserving, T0).ignored()).isTrue();
            assertThat(saga.on(new PaymentCaptured("pi_1"), reserving, T0).ignored()).isTrue();
            assertThat(saga.on(new StockReleased(), reserving, T0).ignored()).isTrue();
        }

        @Test
        void aLateExpiryAfterTheCommitIsIgnored() {
            assertThat(saga.on(new StockReleased(), authorized(), T0).ignored()).isTrue();
            assertThat(saga.on(new StockReleased(), committed(), T0).ignored()).isTrue();
        }

        @Test
        void repliesAfterCompletionChangeNothing() {
            SagaState done = completed();

            assertThat(saga.on(new PaymentCaptured("pi_1"), done, T0).ignored()).isTrue();
            assertThat(saga.on(new StockCommitted(), done, T0).ignored()).isTrue();
            assertThat(saga.on(new PaymentAuthorized("pi_1"), done, T0).ignored()).isTrue();
        }

        @Test
        void anAuthorisationThatArrivesAfterTheTimeoutIsVoidedAgain() {
            SagaState state = reserved();
            for (int i = 0; i < 3; i++) {
                state = saga.onDeadline(state, state.deadline()).state();
            }
            assertThat(state.outcome()).isEqualTo(SagaOutcome.CANCELLED);
            SagaState released = saga.on(new StockReleased(), state, T0).state();
            SagaState ended = saga.on(new PaymentVoided(), released, T0).state();
            assertThat(ended.step()).isEqualTo(SagaStep.ENDED);

            Decision late = saga.on(new PaymentAuthorized("pi_late"), ended, T0);

            assertThat(late.state().step()).isEqualTo(SagaStep.COMPENSATING);
            assertThat(payloads(late)).containsExactly(new VoidPayment(orderId, "payment-authorization-timed-out"));
            assertThat(late.orderChange()).isNull();
        }

        @Test
        void aCaptureThatOvertakesTheVoidIsRefunded() {
            SagaState cancelled = saga.cancel(committed(), "changed my mind", T0).state();

            Decision decision = saga.on(new PaymentCaptured("pi_1"), cancelled, T0);

            assertThat(payloads(decision)).containsExactly(
                    new RefundPayment(orderId, TOTAL, "changed my mind", "chk_key-refund"));
            assertThat(decision.state().pending())
                    .containsExactlyInAnyOrder(Compensation.RELEASE_STOCK, Compensation.REFUND_PAYMENT);
        }

        @Test
        void aStockReservedThatArrivesAfterTheReleaseWasSentIsLeftToThatRelease() {
            SagaState state = started().state();
            for (int i = 0; i < 3; i++) {
                state = saga.onDeadline(state, state.deadline()).state();
            }

            assertThat(saga.on(new StockReserved(UUID.randomUUID(), T0), state, T0).ignored()).isTrue();
        }

        @Test
        void anAcknowledgementNobodyAwaitsIsIgnored() {
            SagaState compensating = saga.on(new PaymentFailed("declined", null), reserved(), T0).state();

            assertThat(saga.on(new PaymentVoided(), compensating, T0).ignored()).isTrue();
            assertThat(saga.on(new PaymentRefunded("re_1"), compensating, T0).ignored()).isTrue();
        }
    }

    @Nested
    class Cancellations {

        @Test
        void aPendingOrderCancelledWhileReservingReleasesWhateverMayBeHeld() {
            Decision decision = saga.cancel(started().state(), "changed my mind", T0);

            assertThat(decision.orderChange()).isEqualTo(new Cancel("changed my mind"));
            assertThat(payloads(decision)).containsExactlyInAnyOrder(new ReleaseStock(orderId, "changed my mind"),
                    new VoidPayment(orderId, "changed my mind"));
        }

        @Test
        void theOrderKeepsTheCustomersWordsWhileTheSagaAndTheParticipantsHearWhoCancelled() {
            SagaState state = withCoupon(new StockReserved(UUID.randomUUID(), T0.plusSeconds(1800)),
                    new PaymentAuthorized("pi_1"), new StockCommitted(), new PaymentCaptured("pi_1"));

            Decision decision = saga.cancel(state, "cancelled by customer", "moving to Lisbon next week", T0);

            assertThat(decision.orderChange()).isEqualTo(new Cancel("moving to Lisbon next week"));
            assertThat(decision.state().reason()).isEqualTo("cancelled by customer");
            assertThat(payloads(decision)).containsExactlyInAnyOrder(
                    new ReleaseStock(orderId, "cancelled by customer"),
                    new RefundPayment(orderId, TOTAL, "cancelled by customer", "chk_key-refund"),
                    new ReleaseCoupon(orderId, "VERANO10", "cancelled by customer"));
            // nobody answered in time: what is asked again says the same
            Decision resent = saga.onDeadline(decision.state(), decision.state().deadline());
            assertThat(payloads(resent)).containsExactlyInAnyOrder(new ReleaseStock(orderId, "cancelled by customer"),
                    new RefundPayment(orderId, TOTAL, "cancelled by customer", "chk_key-refund"));
        }

        @Test
        void aCompletedOrderCancelledBeforeShippingIsRestockedAndRefundedAndItsCouponGivenBack() {
            SagaState state = withCoupon(new StockReserved(UUID.randomUUID(), T0.plusSeconds(1800)),
                    new PaymentAuthorized("pi_1"), new StockCommitted(), new PaymentCaptured("pi_1"));

            Decision decision = saga.cancel(state, "cancelled by customer", T0);

            assertThat(payloads(decision)).containsExactlyInAnyOrder(
                    new ReleaseStock(orderId, "cancelled by customer"),
                    new RefundPayment(orderId, TOTAL, "cancelled by customer", "chk_key-refund"),
                    new ReleaseCoupon(orderId, "VERANO10", "cancelled by customer"));
            assertThat(decision.state().step()).isEqualTo(SagaStep.COMPENSATING);

            SagaState released = saga.on(new StockReleased(), decision.state(), T0).state();
            assertThat(saga.on(new PaymentRefunded("re_1"), released, T0).state().step()).isEqualTo(SagaStep.ENDED);
        }

        private SagaState paidAndCancelled() {
            return saga.cancel(completed(), "cancelled by customer", T0).state();
        }

        @Test
        void aRefusedRefundIsNotAwaitedOrAskedAgainAndIsKeptForOperations() {
            SagaState cancelled = paidAndCancelled();
            assertThat(cancelled.pending())
                    .containsExactlyInAnyOrder(Compensation.RELEASE_STOCK, Compensation.REFUND_PAYMENT);

            Decision refused = saga.on(new SagaReply.PaymentRefundFailed("nothing-to-refund: all of it refunded",
                    "chk_key-refund"), cancelled, T0);

            assertThat(refused.ignored()).isFalse();
            assertThat(refused.commands()).isEmpty();
            assertThat(refused.state().pending()).containsExactly(Compensation.RELEASE_STOCK);
            assertThat(refused.state().has(Fact.REFUND_REFUSED)).isTrue();
            assertThat(refused.state().step()).isEqualTo(SagaStep.COMPENSATING);
            // At the deadline only the release is sent again: the same refund key would replay the refusal.
            Decision resent = saga.onDeadline(refused.state(), refused.state().deadline());
            assertThat(payloads(resent)).containsExactly(new ReleaseStock(orderId, "cancelled by customer"));
            assertThat(saga.on(new StockReleased(), resent.state(), T0).state().step()).isEqualTo(SagaStep.ENDED);
        }

        /**
         * Staff refunded 600 of the order before it was cancelled: the reversal gives back the rest, and the
         * saga keeps what payment-service answered, not what it asked for.
         */
        @Test
        void theRefundIsForWhatPaymentServiceAnsweredNotTheTotalItAskedFor() {
            SagaState cancelled = paidAndCancelled();
            assertThat(cancelled.refundAmount()).isNull();
            assertThat(cancelled.refundDue()).as("asked for, not answered yet").isEqualTo(TOTAL.amount());

            SagaState refunded = saga.on(new PaymentRefunded("re_1", "chk_key-refund", Money.of(1_999, "EUR")),
                    cancelled, T0).state();
            assertThat(refunded.refundAmount()).isEqualTo(1_999);
            assertThat(refunded.refundDue()).isEqualTo(1_999);
            // another refund of the order (a return's) says nothing of the saga's amount
            assertThat(saga.on(new PaymentRefunded("re_9", "return:rma-1", Money.of(500, "EUR")), cancelled, T0)
                    .ignored()).isTrue();

            SagaState refused = saga.on(new SagaReply.PaymentRefundFailed("expired_or_canceled_card",
                    "chk_key-refund", Money.of(1_999, "EUR")), cancelled, T0).state();
            assertThat(refused.has(Fact.REFUND_REFUSED)).isTrue();
            assertThat(refused.refundDue()).isEqualTo(1_999);

            // made, then handed back by the bank: the failure names the same money
            SagaState failedLate = saga.on(new SagaReply.PaymentRefundFailed("expired_or_canceled_card",
                    "chk_key-refund", Money.of(1_999, "EUR")), saga.on(new StockReleased(), refunded, T0).state(),
                    T0.plusSeconds(60)).state();
            assertThat(failedLate.has(Fact.REFUND_REFUSED)).isTrue();
            assertThat(failedLate.refundDue()).isEqualTo(1_999);

            // an answer in another currency, or without an amount, leaves what was asked for
            assertThat(saga.on(new PaymentRefunded("re_1", "chk_key-refund", Money.of(10, "USD")), cancelled, T0)
                    .state().refundDue()).isEqualTo(TOTAL.amount());
            assertThat(saga.on(new PaymentRefunded("re_1", "chk_key-refund"), cancelled, T0).state().refundDue())
                    .isEqualTo(TOTAL.amount());
        }

        @Test
        void answersToAnotherRefundOfTheOrderAcknowledgeNothing() {
            SagaState cancelled = paidAndCancelled();

            assertThat(saga.on(new PaymentRefunded("re_9", "return:rma-1"), cancelled, T0).ignored()).isTrue();
            assertThat(saga.on(new SagaReply.PaymentRefundFailed("refund-exceeds-captured", "return:rma-1"), cancelled,
                    T0).ignored()).isTrue();

            Decision ours = saga.on(new PaymentRefunded("re_1", "chk_key-refund"), cancelled, T0);
            assertThat(ours.state().pending()).containsExactly(Compensation.RELEASE_STOCK);
            assertThat(ours.state().has(Fact.REFUND_REFUSED)).isFalse();
        }

        @Test
        void aRefundThatFailsAfterItSucceededIsKeptAsRefusedOnceAndOnlyForTheSagasOwnKey() {
            SagaState released = saga.on(new StockReleased(), paidAndCancelled(), T0).state();
            SagaState refunded = saga.on(new PaymentRefunded("re_1", "chk_key-refund"), released, T0).state();
            assertThat(refunded.step()).isEqualTo(SagaStep.ENDED);
            assertThat(refunded.has(Fact.REFUND_REFUSED)).isFalse();

            // another refund of the order failing, or an answer without a key, says nothing of the saga's refund
            assertThat(saga.on(new SagaReply.PaymentRefundFailed("expired_or_canceled_card", "return:rma-1"),
                    refunded, T0).ignored()).isTrue();
            assertThat(saga.on(new SagaReply.PaymentRefundFailed("expired_or_canceled_card", null), refunded, T0)
                    .ignored()).isTrue();

            Instant later = T0.plusSeconds(3600);
            Decision failed = saga.on(new SagaReply.PaymentRefundFailed("expired_or_canceled_card", "chk_key-refund"),
                    refunded, later);

            assertThat(failed.ignored()).isFalse();
            assertThat(failed.commands()).isEmpty();
            assertThat(failed.orderChange()).isNull();
            assertThat(failed.state().has(Fact.REFUND_REFUSED)).isTrue();
            assertThat(failed.state().step()).isEqualTo(SagaStep.ENDED);
            assertThat(failed.state().deadline()).isNull();
            assertThat(failed.state().pending()).isEmpty();
            assertThat(failed.state().outcome()).isEqualTo(SagaOutcome.CANCELLED);
            assertThat(failed.state().updatedAt()).isEqualTo(later);
            // told again: already recorded
            assertThat(saga.on(new SagaReply.PaymentRefundFailed("expired_or_canceled_card", "chk_key-refund"),
                    failed.state(), later).ignored()).isTrue();
        }

        @Test
        void aRefundThatFailsAfterItSucceededWhileTheStockIsStillAwaitedKeepsWaitingForTheStock() {
            SagaState refunded = saga.on(new PaymentRefunded("re_1", "chk_key-refund"), paidAndCancelled(), T0)
                    .state();
            assertThat(refunded.pending()).containsExactly(Compensation.RELEASE_STOCK);

            Decision failed = saga.on(new SagaReply.PaymentRefundFailed("lost_or_stolen_card", "chk_key-refund"),
                    refunded, T0.plusSeconds(5));

            assertThat(failed.ignored()).isFalse();
            assertThat(failed.commands()).isEmpty();
            assertThat(failed.state().has(Fact.REFUND_REFUSED)).isTrue();
            assertThat(failed.state().step()).isEqualTo(SagaStep.COMPENSATING);
            assertThat(failed.state().pending()).containsExactly(Compensation.RELEASE_STOCK);
            assertThat(failed.state().deadline()).isEqualTo(refunded.deadline());
            assertThat(saga.on(new StockReleased(), failed.state(), T0).state().step()).isEqualTo(SagaStep.ENDED);
        }

        @Test
        void aRefundFailureForACheckoutThatAskedForNoRefundChangesNothing() {
            assertThat(saga.on(new SagaReply.PaymentRefundFailed("expired_or_canceled_card", "chk_key-refund"),
                    completed(), T0).ignored()).isTrue();
            SagaState voided = saga.on(new PaymentVoided(), saga.on(new StockReleased(),
                    saga.cancel(committed(), "changed my mind", T0).state(), T0).state(), T0).state();
            assertThat(voided.step()).isEqualTo(SagaStep.ENDED);
            assertThat(saga.on(new SagaReply.PaymentRefundFailed("expired_or_canceled_card", "chk_key-refund"),
                    voided, T0).ignored()).isTrue();
        }

        @Test
        void aCheckoutThatEndedOtherwiseOrIsAlreadyCompensatingCannotBeCancelledAgain() {
            SagaState rejected = saga.on(new StockRejected("insufficient-stock", List.of()), started().state(), T0)
                    .state();
            SagaState compensating = saga.cancel(reserved(), "first", T0).state();

            assertThat(saga.cancel(rejected, "again", T0).ignored()).isTrue();
            assertThat(saga.cancel(compensating, "again", T0).ignored()).isTrue();
        }
    }

    @Nested
    class AnOrderWithNothingToPay {

        private SagaState free() {
            return SagaState.begin(orderId, "c-1", List.of(new StockLine("SKU-1", 1)), Money.of(0, "EUR"), null,
                    "replacement-key", null, T0);
        }

        @Test
        void reservedStockConfirmsWithoutAskingForPaymentAndCommittedStockCompletes() {
            Decision started = saga.start(free(), T0);
            assertThat(payloads(started)).containsExactly(new ReserveStock(orderId, List.of(new StockLine("SKU-1", 1)),
                    T0.plus(Duration.ofMinutes(30))));

            Decision reserved = saga.on(new StockReserved(UUID.randomUUID(), T0.plusSeconds(1800)), started.state(), T0);
            assertThat(reserved.state().step()).isEqualTo(SagaStep.COMMITTING_STOCK);
            assertThat(reserved.orderChange()).isInstanceOf(Confirm.class);
            assertThat(payloads(reserved)).containsExactly(new CommitStock(orderId));
            assertThat(reserved.state().has(Fact.PAYMENT_AUTHORIZED)).isFalse();

            Decision committed = saga.on(new StockCommitted(), reserved.state(), T0);
            assertThat(committed.state().step()).isEqualTo(SagaStep.ENDED);
            assertThat(committed.state().outcome()).isEqualTo(SagaOutcome.COMPLETED);
            assertThat(committed.commands()).isEmpty();
        }

        /** A coupon that takes a shopper's whole cart to 0 (100 %, or more than a cheap unit costs). */
        private SagaState freeWithCoupon() {
            return SagaState.begin(orderId, "c-1", List.of(new StockLine("SKU-1", 1)), Money.of(0, "EUR"),
                    "pm_card_visa", "chk_key", new SagaState.SagaCoupon("GRATIS", Money.of(1_250, "EUR")), T0);
        }

        private SagaState freeWithCouponCompleted() {
            SagaState state = saga.start(freeWithCoupon(), T0).state();
            state = saga.on(new StockReserved(UUID.randomUUID(), T0.plusSeconds(1800)), state, T0).state();
            return saga.on(new StockCommitted(), state, T0).state();
        }

        @Test
        void aCouponThatLeavesNothingToPayIsRedeemedWhenTheStockIsCommittedAndNothingIsCaptured() {
            Decision reserved = saga.on(new StockReserved(UUID.randomUUID(), T0.plusSeconds(1800)),
                    saga.start(freeWithCoupon(), T0).state(), T0);
            assertThat(reserved.orderChange()).isInstanceOf(Confirm.class);
            assertThat(payloads(reserved)).containsExactly(new CommitStock(orderId));

            Decision committed = saga.on(new StockCommitted(), reserved.state(), T0);

            assertThat(committed.state().step()).isEqualTo(SagaStep.ENDED);
            assertThat(committed.state().outcome()).isEqualTo(SagaOutcome.COMPLETED);
            assertThat(committed.orderChange()).isNull();
            assertThat(committed.commands()).containsExactly(new Decision.Command(Topics.PRODUCT_COMMANDS,
                    new RedeemCoupon(orderId, "GRATIS", "c-1", Money.of(1_250, "EUR"))));
            assertThat(committed.state().has(Fact.COUPON_REDEEMED)).isTrue();
            assertThat(Attention.of(committed.state())).isEmpty();
        }

        @Test
        void aPaymentReplyAfterItCompletedChangesNothing() {
            SagaState completed = freeWithCouponCompleted();

            assertThat(saga.on(new SagaReply.PaymentCaptureFailed("no authorised payment"), completed, T0).ignored())
                    .isTrue();
            assertThat(saga.on(new PaymentFailed("no authorised payment", null), completed, T0).ignored()).isTrue();
        }

        @Test
        void cancelledAfterItCompletedItGivesTheStockAndTheCouponBackAndAsksNothingOfPayment() {
            Decision cancelled = saga.cancel(freeWithCouponCompleted(), "changed my mind", T0);

            assertThat(cancelled.orderChange()).isEqualTo(new Cancel("changed my mind"));
            assertThat(payloads(cancelled)).containsExactlyInAnyOrder(new ReleaseStock(orderId, "changed my mind"),
                    new ReleaseCoupon(orderId, "GRATIS", "changed my mind"));
            assertThat(cancelled.state().pending()).containsExactly(Compensation.RELEASE_STOCK);

            SagaState released = saga.on(new StockReleased(), cancelled.state(), T0).state();
            assertThat(released.step()).isEqualTo(SagaStep.ENDED);
            assertThat(released.outcome()).isEqualTo(SagaOutcome.CANCELLED);
            assertThat(Attention.of(released)).isEmpty();
        }

        @Test
        void noStockRejectsItAndNothingIsAskedOfPayment() {
            Decision rejected = saga.on(new StockRejected("insufficient-stock", List.of()), saga.start(free(), T0)
                    .state(), T0);

            assertThat(rejected.orderChange()).isInstanceOf(Reject.class);
            assertThat(rejected.commands()).isEmpty();
        }

        @Test
        void itsCompensationsOnlyGiveTheStockBack() {
            SagaState reserving = saga.start(free(), T0).state();
            Decision cancelled = saga.cancel(reserving, "changed my mind", T0);
            assertThat(payloads(cancelled)).containsExactly(new ReleaseStock(orderId, "changed my mind"));

            SagaState committing = saga.on(new StockReserved(UUID.randomUUID(), T0.plusSeconds(1800)), reserving, T0)
                    .state();
            Decision timedOut = saga.onDeadline(committing.at(SagaStep.COMMITTING_STOCK, T0, 3, T0), T0.plusSeconds(1));
            assertThat(payloads(timedOut)).containsExactly(new ReleaseStock(orderId, "stock-commit-timed-out"));
            assertThat(timedOut.orderChange()).isEqualTo(new Cancel("stock-commit-timed-out"));
            assertThat(saga.on(new StockReleased(), timedOut.state(), T0).state().step()).isEqualTo(SagaStep.ENDED);
        }
    }
}
