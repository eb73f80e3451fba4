package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.List;
import java.util.UUID;

/**
 * Fact: the order could not be filled from stock. {@code lines} (added later, so optional for
 * consumers) are what the order asked for.
 */
@EventType("order.rejected")
public record OrderRejected(UUID orderId, String customerId, String reason, List<OrderLine> lines) {

    /** The first version of the contract, without the lines. */
    public OrderRejected(UUID orderId, String customerId, String reason) {
        this(orderId, customerId, reason, null);
    }
}
