package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/**
 * Reply and fact: the order's authorisation was released (or never completed) and no money is held.
 * {@code paymentId} is null when the order had no payment to void.
 */
@EventType("payment.voided")
public record PaymentVoided(UUID orderId, String paymentId, String reason) {
}
