package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/** Reply: the order's reservation is committed as sold. */
@EventType("inventory.stock_committed")
public record StockCommitted(UUID orderId) {
}
