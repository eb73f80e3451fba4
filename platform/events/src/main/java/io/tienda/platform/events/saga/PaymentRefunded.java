package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.UUID;

/** Fact: an amount was refunded to the shopper. */
@EventType("payment.refunded")
public record PaymentRefunded(UUID orderId, String paymentId, String refundId, Money amount) {
}
