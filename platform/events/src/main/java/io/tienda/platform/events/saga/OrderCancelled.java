package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.List;
import java.util.UUID;

/**
 * Fact: the order was cancelled (payment failed, a step timed out, or the shopper cancelled).
 * {@code lines} and {@code orderNumber} (added later, so optional for consumers) are what the order held,
 * for mail, analytics and stock projections, and the number the shopper knows the order by.
 *
 * @param orderNumber the number the shopper knows the order by, e.g. {@code TND-2026-000123}; absent from
 *                    events published before it was carried
 */
@EventType("order.cancelled")
public record OrderCancelled(UUID orderId, String orderNumber, String customerId, String reason,
                             List<OrderLine> lines) {

    /** Without the order's number, as events were published before it was carried. */
    public OrderCancelled(UUID orderId, String customerId, String reason, List<OrderLine> lines) {
        this(orderId, null, customerId, reason, lines);
    }

    /** The first version of the contract, without the lines. */
    public OrderCancelled(UUID orderId, String customerId, String reason) {
        this(orderId, null, customerId, reason, null);
    }
}
