package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/** Command: cancel an authorisation that will never be captured (compensation). */
@EventType("payment.void")
public record VoidPayment(UUID orderId, String reason) {
}
