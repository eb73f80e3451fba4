package io.tienda.platform.events.returns;

import io.tienda.platform.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fact: a customer asked to send back lines of a delivered order and got an RMA number.
 *
 * @param resolution {@code REFUND} or {@code EXCHANGE}
 */
@EventType("returns.requested")
public record ReturnRequested(UUID returnId, String rma, UUID orderId, String orderNumber, String customerId,
        String resolution, List<ReturnedLine> lines, Instant requestedAt) {
}
