package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Command: reserve every line of an order, or none of them, until {@code expiresAt}. */
@EventType("inventory.reserve")
public record ReserveStock(UUID orderId, List<StockLine> lines, Instant expiresAt) {
}
