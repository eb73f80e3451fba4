package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.UUID;

/** Command: refund part or all of a captured payment; {@code refundKey} makes a replay harmless. */
@EventType("payment.refund")
public record RefundPayment(UUID orderId, Money amount, String reason, String refundKey) {
}
