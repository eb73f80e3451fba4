package io.tienda.platform.events.returns;

import io.tienda.platform.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** Fact: support accepted the return; the customer may send the items with the RMA number. */
@EventType("returns.approved")
public record ReturnApproved(UUID returnId, String rma, UUID orderId, String customerId, String note,
        Instant approvedAt) {
}
