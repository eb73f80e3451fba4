package io.tienda.platform.events.returns;

import io.tienda.platform.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** Fact: support refused the return, for {@code reason}, which the customer is told. */
@EventType("returns.rejected")
public record ReturnRejected(UUID returnId, String rma, UUID orderId, String customerId, String reason,
        Instant rejectedAt) {
}
