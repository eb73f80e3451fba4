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

    /** The saga reserved the stock and the payment was authorised. */
    public Order confirm(Instant now) {
        return moveTo(OrderStatus.CONFIRMED, now);
    }

    /** The stock could not be reserved. */
    public Order reject(Instant now) {
        return moveTo(OrderStatus.REJECTED, now);
    }

    /** Payment failed, a step timed out, or the customer or staff cancelled before shipping. */
    public Order cancel(Instant now) {
        return moveTo(OrderStatus.CANCELLED, now);
    }

    public Order ship(Instant now) {
        return moveTo(OrderStatus.SHIPPED, now);
    }

    public Order deliver(Instant now) {
        return moveTo(OrderStatus.DELIVERED, now);
    }

    private Order moveTo(OrderStatus next, Instant now) {
        OrderStatus.MOVES.require("order " + id, status, next);
        return new Order(id, customerId, next, totals, lines, createdAt, now);
    }

    public Order withLines(List<OrderLine> newLines) {
        return new Order(id, customerId, status, totals, newLines, createdAt, updatedAt);
    }

    /** How many units the order holds across its lines. */
    public int itemCount() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }
}
