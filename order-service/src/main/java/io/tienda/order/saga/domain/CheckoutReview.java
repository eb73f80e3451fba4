package io.tienda.order.saga.domain;

import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.domain.OrderStatus;
import io.tienda.order.orders.domain.Refund;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A checkout as staff review it: its saga, the order it drives (number, status and the refund its shopper
 * is shown) and, when someone has dealt with what it left for operations, their resolution.
 *
 * @param orderNumber  null until {@link #of} adds the order
 * @param orderStatus  null until {@link #of} adds the order
 * @param shopperRefund the refund as the order shows it to its shopper; null when it shows none, or until
 *                     {@link #of} adds the order
 * @param resolution   null until staff resolve it; cleared by the store when something new needs attention
 */
public record CheckoutReview(SagaState saga, String orderNumber, OrderStatus orderStatus, Refund shopperRefund,
        Resolution resolution) {

    public CheckoutReview {
        Objects.requireNonNull(saga, "saga");
    }

    /** The same review with the order the saga drives. */
    public CheckoutReview of(Order order) {
        return new CheckoutReview(saga, order.number(), order.status(), order.refund(), resolution);
    }

    /** Who dealt with the checkout's attention, when, and what they did. */
    public record Resolution(Instant at, String by, String note) {
    }

    public Set<Attention> attention() {
        return Attention.of(saga);
    }

    /** Something needs someone and nobody has resolved it yet. */
    public boolean needsAttention() {
        return !attention().isEmpty() && resolution == null;
    }

    /** Where the cancellation's refund stands, as far as the saga knows. */
    public RefundState refund() {
        return RefundState.of(saga);
    }

    /**
     * The refund was asked for and never made, as far as the saga knows (refused, or unconfirmed once it
     * gave up), and nobody has paid it another way yet. Staff may pay it another way (a bank transfer) and
     * say so in their resolution.
     */
    public boolean refundOutstanding() {
        RefundState refund = refund();
        return (refund == RefundState.REFUSED || refund == RefundState.UNCONFIRMED)
                && !saga.has(Fact.REFUND_SETTLED_ELSEWHERE);
    }

    /** The refund the saga sends when it cancels a captured payment. */
    public enum RefundState {
        /** No refund was asked for: nothing was captured, or the checkout completed. */
        NONE,
        /** Asked for; the saga is waiting for payment-service's answer. */
        REQUESTED,
        /** payment-service answered payment.refunded. */
        REFUNDED,
        /** Refused by payment-service, or failed by the provider after it had succeeded. */
        REFUSED,
        /** Asked for, but the saga gave up waiting for an answer. */
        UNCONFIRMED;

        /** Where the refund of this saga's cancellation stands. */
        public static RefundState of(SagaState saga) {
            if (saga.has(Fact.REFUND_REFUSED)) {
                return REFUSED;
            }
            if (saga.pending().contains(Compensation.REFUND_PAYMENT)) {
                return saga.isOver() ? UNCONFIRMED : REQUESTED;
            }
            if (saga.outcome() == SagaOutcome.CANCELLED && saga.has(Fact.PAYMENT_CAPTURED)) {
                return REFUNDED;
            }
            return NONE;
        }

        /**
         * What the order's shopper is told: a refund the saga gave up waiting for is still pending for them
         * (staff are on it); null when there is no refund.
         */
        public Refund.Status forShopper() {
            return switch (this) {
                case NONE -> null;
                case REQUESTED, UNCONFIRMED -> Refund.Status.PENDING;
                case REFUNDED -> Refund.Status.REFUNDED;
                case REFUSED -> Refund.Status.FAILED;
            };
        }
    }
}
