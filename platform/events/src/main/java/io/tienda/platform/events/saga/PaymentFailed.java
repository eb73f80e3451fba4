package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/** Reply: the authorisation was declined or failed; nothing is held. */
@EventType("payment.failed")
public record PaymentFailed(UUID orderId, String reason, String declineCode) {
}
