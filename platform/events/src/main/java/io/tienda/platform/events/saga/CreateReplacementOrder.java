package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.List;
import java.util.UUID;

/**
 * Command: create an order at no charge that replaces returned units, with id {@code orderId} (chosen
 * by the sender, so a replay creates nothing new), shipped to the original order's address. It
 * reserves and commits stock like any order; its outcome is the usual {@code order.confirmed} or
 * {@code order.rejected}, with the same id.
 */
@EventType("order.create_replacement")
public record CreateReplacementOrder(UUID orderId, UUID originalOrderId, String customerId, String reference,
        List<OrderLine> lines) {
}
