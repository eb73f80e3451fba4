package io.tienda.platform.events.returns;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Fact: the accepted lines of a return were refunded; {@code amount} went back to the customer. */
@EventType("returns.refunded")
public record ReturnRefunded(UUID returnId, String rma, UUID orderId, String customerId, Money amount,
        List<ReturnedLine> lines, Instant refundedAt) {
}
