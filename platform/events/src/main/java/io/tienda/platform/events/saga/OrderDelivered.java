package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Fact: the order reached the shopper; returns may start from here. */
@EventType("order.delivered")
public record OrderDelivered(UUID orderId, String orderNumber, String customerId, List<OrderLine> lines,
        Instant deliveredAt) {
}
