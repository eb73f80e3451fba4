package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.List;
import java.util.UUID;

/** Reply: the order cannot be filled; nothing was reserved. */
@EventType("inventory.stock_rejected")
public record StockRejected(UUID orderId, String reason, List<String> unavailableSkus) {
}
