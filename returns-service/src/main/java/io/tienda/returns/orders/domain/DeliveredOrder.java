package io.tienda.returns.orders.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An order that reached its customer: what may be sent back, and until when.
 *
 * @param paidOrderId the order whose payment paid for these units, and so the one a refund of them goes back
 *                    to: the order itself, or for an exchange's replacement (which has no payment of its own)
 *                    the order the exchanged units were bought on
 */
public record DeliveredOrder(UUID orderId, String orderNumber, String customerId, String currency,
        Instant deliveredAt, List<OrderedLine> lines, UUID paidOrderId) {

    public DeliveredOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        lines = List.copyOf(lines);
        paidOrderId = paidOrderId == null ? orderId : paidOrderId;
    }

    /** An order paid for itself. */
    public DeliveredOrder(UUID orderId, String orderNumber, String customerId, String currency, Instant deliveredAt,
            List<OrderedLine> lines) {
        this(orderId, orderNumber, customerId, currency, deliveredAt, lines, null);
    }

    public Optional<OrderedLine> line(String sku) {
        return lines.stream().filter(l -> l.sku().equals(sku)).findFirst();
    }

    /** Whether a return may still be asked for at {@code now}, {@code window} after delivery. */
    public boolean returnableAt(Instant now, Duration window) {
        return !now.isAfter(deliveredAt.plus(window));
    }
}
