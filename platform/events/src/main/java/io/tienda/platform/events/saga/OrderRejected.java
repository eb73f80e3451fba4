package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/** Fact: the order could not be filled from stock. */
@EventType("order.rejected")
public record OrderRejected(UUID orderId, String customerId, String reason) {
}
