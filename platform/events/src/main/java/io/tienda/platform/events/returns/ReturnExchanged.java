package io.tienda.platform.events.returns;

import io.tienda.platform.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Fact: the accepted lines of a return are replaced by {@code replacementOrderId}, at no charge. */
@EventType("returns.exchanged")
public record ReturnExchanged(UUID returnId, String rma, UUID orderId, String customerId, UUID replacementOrderId,
        List<ReturnedLine> lines, Instant exchangedAt) {
}
