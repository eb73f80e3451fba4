package io.tienda.returns.orders.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An order that reached its customer: what may be sent back, and until when. */
public record DeliveredOrder(UUID orderId, String orderNumber, String customerId, String currency,
        Instant deliveredAt, List<OrderedLine> lines) {

    public DeliveredOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        lines = List.copyOf(lines);
    }

    public Optional<OrderedLine> line(String sku) {
        return lines.stream().filter(l -> l.sku().equals(sku)).findFirst();
    }

    /** Whether a return may still be asked for at {@code now}, {@code window} after delivery. */
    public boolean returnableAt(Instant now, Duration window) {
        return !now.isAfter(deliveredAt.plus(window));
    }
}
