package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.UUID;

/**
 * Reply and fact: a refund was refused or failed at the provider; nothing went back to the shopper.
 * {@code paymentId} and {@code refundId} are null when no refund could even be recorded; {@code refundKey}
 * (optional, added later) is the key of the command that asked for it.
 */
@EventType("payment.refund_failed")
public record PaymentRefundFailed(UUID orderId, String paymentId, String refundId, Money amount, String reason,
        String refundKey) {

    /** The first version of the contract, without the key of the command that asked for the refund. */
    public PaymentRefundFailed(UUID orderId, String paymentId, String refundId, Money amount, String reason) {
        this(orderId, paymentId, refundId, amount, reason, null);
    }
}
