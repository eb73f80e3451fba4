package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/** Fact: the order was cancelled (payment failed, a step timed out, or the shopper cancelled). */
@EventType("order.cancelled")
public record OrderCancelled(UUID orderId, String customerId, String reason) {
}
