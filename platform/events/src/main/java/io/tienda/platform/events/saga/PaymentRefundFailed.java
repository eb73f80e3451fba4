package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.UUID;

/**
 * Reply and fact: a refund was refused or failed at the provider; nothing went back to the shopper.
 * {@code paymentId} and {@code refundId} are null when no refund could even be recorded.
 */
@EventType("payment.refund_failed")
public record PaymentRefundFailed(UUID orderId, String paymentId, String refundId, Money amount, String reason) {
}
