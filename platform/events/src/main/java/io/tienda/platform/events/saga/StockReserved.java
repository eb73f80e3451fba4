package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** Reply: every line is reserved until {@code expiresAt}. */
@EventType("inventory.stock_reserved")
public record StockReserved(UUID orderId, UUID reservationId, Instant expiresAt) {
}
