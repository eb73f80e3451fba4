package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.List;
import java.util.UUID;

/**
 * Fact: the order was cancelled (payment failed, a step timed out, or the shopper cancelled).
 * {@code lines} (added later, so optional for consumers) are what the order held, for mail, analytics
 * and stock projections.
 */
@EventType("order.cancelled")
public record OrderCancelled(UUID orderId, String customerId, String reason, List<OrderLine> lines) {

    /** The first version of the contract, without the lines. */
    public OrderCancelled(UUID orderId, String customerId, String reason) {
        this(orderId, customerId, reason, null);
    }
}
