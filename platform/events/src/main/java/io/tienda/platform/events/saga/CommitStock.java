package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/** Command: the order is confirmed, its reserved units become sold. */
@EventType("inventory.commit")
public record CommitStock(UUID orderId) {
}
