package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fact: stock is reserved and payment authorised; the order will be fulfilled. Carts clear, mail goes out,
 * analytics records a sale. A replacement order (the free order of an exchange) names the order it replaces
 * in {@code replacesOrderId} and is not a sale: its goods were paid for with that order.
 *
 * @param orderNumber     the number the shopper knows the order by, e.g. {@code TND-2026-000123}; absent from
 *                        events published before it was carried
 * @param replacesOrderId the order a replacement order is sent in place of; null for every sale (and absent
 *                        from events published before it was carried)
 */
@EventType("order.confirmed")
public record OrderConfirmed(UUID orderId, String orderNumber, String customerId, String cartId,
                             List<OrderLine> lines, Money total, Instant confirmedAt, UUID replacesOrderId) {

    /** Without the order's number, as events were published before it was carried. */
    public OrderConfirmed(UUID orderId, String customerId, String cartId, List<OrderLine> lines, Money total,
                          Instant confirmedAt, UUID replacesOrderId) {
        this(orderId, null, customerId, cartId, lines, total, confirmedAt, replacesOrderId);
    }

    /** An ordinary order without its number: a sale, replacing nothing. */
    public OrderConfirmed(UUID orderId, String customerId, String cartId, List<OrderLine> lines, Money total,
                          Instant confirmedAt) {
        this(orderId, null, customerId, cartId, lines, total, confirmedAt, null);
    }
}
