package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.List;
import java.util.UUID;

/**
 * Fact: the order was cancelled (payment failed, a step timed out, or the shopper cancelled).
 * {@code lines}, {@code orderNumber} and {@code checkoutFailed} (added later, so optional for consumers) are
 * what the order held, for mail, analytics and stock projections, the number the shopper knows the order by,
 * and whether the checkout itself ended the order.
 *
 * @param orderNumber    the number the shopper knows the order by, e.g. {@code TND-2026-000123}; absent from
 *                       events published before it was carried
 * @param checkoutFailed true when the checkout ended the order by itself (the payment declined or not
 *                       captured, the stock not committed, a step's deadline passed), false when the
 *                       customer or staff cancelled it; absent from events published before it was carried.
 *                       Carts give back what a failed checkout took out of them.
 */
@EventType("order.cancelled")
public record OrderCancelled(UUID orderId, String orderNumber, String customerId, String reason,
                             List<OrderLine> lines, Boolean checkoutFailed) {

    /** Without saying who ended the order, as events were published before it was carried. */
    public OrderCancelled(UUID orderId, String orderNumber, String customerId, String reason,
                          List<OrderLine> lines) {
        this(orderId, orderNumber, customerId, reason, lines, null);
    }

    /** Without the order's number, as events were published before it was carried. */
    public OrderCancelled(UUID orderId, String customerId, String reason, List<OrderLine> lines) {
        this(orderId, null, customerId, reason, lines, null);
    }

    /** The first version of the contract, without the lines. */
    public OrderCancelled(UUID orderId, String customerId, String reason) {
        this(orderId, null, customerId, reason, null, null);
    }

    /** Whether the checkout itself ended the order; false for a person's cancellation and for older events. */
    public boolean byFailedCheckout() {
        return Boolean.TRUE.equals(checkoutFailed);
    }
}
