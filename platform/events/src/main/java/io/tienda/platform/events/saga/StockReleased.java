package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/** Reply: the order's reservation is released. */
@EventType("inventory.stock_released")
public record StockReleased(UUID orderId) {
}
