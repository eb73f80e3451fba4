package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fact: a shopper placed an order; the checkout saga starts. A replacement order (the free order of an
 * exchange) is placed too, and names the order it replaces in {@code replacesOrderId}: it is not a sale,
 * since its goods were paid for with that order.
 *
 * @param replacesOrderId the order a replacement order is sent in place of; null for every sale (and absent
 *                        from events published before it was carried)
 */
@EventType("order.placed")
public record OrderPlaced(UUID orderId, String customerId, List<OrderLine> lines, Money total, Instant placedAt,
                          UUID replacesOrderId) {

    /** An ordinary order: a sale, replacing nothing. */
    public OrderPlaced(UUID orderId, String customerId, List<OrderLine> lines, Money total, Instant placedAt) {
        this(orderId, customerId, lines, total, placedAt, null);
    }
}
