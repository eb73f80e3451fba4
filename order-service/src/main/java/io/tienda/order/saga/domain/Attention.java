package io.tienda.order.saga.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why a checkout is left for operations: what the saga could not settle by itself. Staff list these
 * checkouts, look at each and mark it resolved once they have dealt with it.
 */
public enum Attention {
    /** The saga gave up waiting for inventory.stock_released: the stock may still be held or sold. */
    STOCK_RELEASE_UNCONFIRMED,
    /** The saga gave up waiting for payment.voided: the authorisation may still hold the shopper's money. */
    PAYMENT_VOID_UNCONFIRMED,
    /** The saga gave up waiting for payment.refunded: the captured money may not have gone back. */
    REFUND_UNCONFIRMED,
    /** payment-service refused the cancellation's refund, or the provider failed it afterwards. */
    REFUND_REFUSED,
    /**
     * Staff paid an unconfirmed refund another way, and then payment.refunded came after all: the shopper
     * got the money twice, and one of the two is to be recovered.
     */
    REFUND_PAID_TWICE;

    /**
     * What of the saga needs someone: a refused refund at any step (asking again would only replay the
     * refusal), the compensations it gave up waiting for once it has ended, and a refund the provider made
     * after staff had paid it another way (a reversal that found nothing left gave back nothing, so it is
     * not paid twice). Empty while the saga can
     * still settle things by itself.
     */
    public static Set<Attention> of(SagaState saga) {
        Set<Attention> attention = EnumSet.noneOf(Attention.class);
        if (saga.isOver()) {
            for (Compensation compensation : saga.pending()) {
                attention.add(switch (compensation) {
                    case RELEASE_STOCK -> STOCK_RELEASE_UNCONFIRMED;
                    case VOID_PAYMENT -> PAYMENT_VOID_UNCONFIRMED;
                    case REFUND_PAYMENT -> REFUND_UNCONFIRMED;
                });
            }
        }
        if (saga.has(Fact.REFUND_REFUSED)) {
            attention.add(REFUND_REFUSED);
        }
        if (saga.has(Fact.REFUND_SETTLED_ELSEWHERE) && CheckoutReview.RefundState.of(saga)
                == CheckoutReview.RefundState.REFUNDED && saga.refundDue() > 0) {
            attention.add(REFUND_PAID_TWICE);
        }
        return attention;
    }
}
