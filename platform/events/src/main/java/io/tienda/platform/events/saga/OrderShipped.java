package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Fact: the order left the warehouse with {@code carrier}; {@code trackingNumber} follows it. */
@EventType("order.shipped")
public record OrderShipped(UUID orderId, String orderNumber, String customerId, String carrier, String trackingNumber,
        List<OrderLine> lines, Instant shippedAt) {
}
