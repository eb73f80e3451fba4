package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/** Command: give back what an order reserved (compensation); a no-op when nothing is held. */
@EventType("inventory.release")
public record ReleaseStock(UUID orderId, String reason) {
}
