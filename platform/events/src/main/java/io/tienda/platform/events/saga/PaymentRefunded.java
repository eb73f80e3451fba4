package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.UUID;

/**
 * Fact: an amount was refunded to the shopper. {@code refundKey} (added later, so optional for
 * consumers) is the key of the {@code payment.refund} command that asked for it, so its sender can
 * tell its refund from others on the same order; null for refunds nobody asked for by command.
 */
@EventType("payment.refunded")
public record PaymentRefunded(UUID orderId, String paymentId, String refundId, Money amount, String refundKey) {

    /** The first version of the contract, without the key. */
    public PaymentRefunded(UUID orderId, String paymentId, String refundId, Money amount) {
        this(orderId, paymentId, refundId, amount, null);
    }
}
