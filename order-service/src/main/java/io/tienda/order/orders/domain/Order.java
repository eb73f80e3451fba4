package io.tienda.order.orders.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An order a customer placed, with its lines in the order they were placed. */
public record Order(UUID id, String customerId, OrderStatus status, OrderTotals totals, List<OrderLine> lines,
        Instant createdAt, Instant updatedAt) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(totals, "totals");
        lines = List.copyOf(lines);
    }

    public Order withLines(List<OrderLine> newLines) {
        return new Order(id, customerId, status, totals, newLines, createdAt, updatedAt);
    }

    /** How many units the order holds across its lines. */
    public int itemCount() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }
}
