package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.UUID;

/**
 * Reply and fact: a refund was refused or failed at the provider; nothing went back to the shopper.
 * {@code paymentId} and {@code refundId} are null when no refund could even be recorded; {@code refundKey}
 * (optional, added later) is the key of the command that asked for it. A refusal by payment-service itself
 * has a {@code reason} that starts with its code ({@code nothing-to-refund: ...}, {@code
 * refund-exceeds-captured: ...}); a failure at the provider has the provider's reason.
 */
@EventType("payment.refund_failed")
public record PaymentRefundFailed(UUID orderId, String paymentId, String refundId, Money amount, String reason,
        String refundKey) {

    /**
     * The code of the answer to a reversal of the whole payment that finds nothing left to give back: all of
     * it was refunded, paid back outside the provider, or is pending in other refunds. Nothing was refused
     * that anyone is owed: the reversal's work was done by the refunds before it.
     */
    public static final String NOTHING_TO_REFUND = "nothing-to-refund";

    /** The first version of the contract, without the key of the command that asked for the refund. */
    public PaymentRefundFailed(UUID orderId, String paymentId, String refundId, Money amount, String reason) {
        this(orderId, paymentId, refundId, amount, reason, null);
    }

    /** Whether this is the {@link #NOTHING_TO_REFUND} answer: no refund was recorded, nothing was left. */
    public boolean nothingLeftToRefund() {
        return refundId == null && reason != null && reason.startsWith(NOTHING_TO_REFUND);
    }
}
