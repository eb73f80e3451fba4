package io.tienda.platform.events.returns;

import io.tienda.platform.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** Fact: the warehouse has the returned items back; inspection follows. */
@EventType("returns.received")
public record ReturnReceived(UUID returnId, String rma, UUID orderId, String customerId, Instant receivedAt) {
}
