package io.tienda.analytics.sales.domain;

import io.tienda.platform.events.Money;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a confirmed order, as analytics records it. {@code eventId} is the id of the event
 * the line came from: a redelivered event carries the same id and must not count twice.
 */
public record SaleFact(UUID eventId, UUID orderId, String customerId, String sku, String categoryId, int quantity,
        Money unitPrice, Instant occurredAt) {

    public SaleFact {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (unitPrice.amount() < 0) {
            throw new IllegalArgumentException("unit price must not be negative: " + unitPrice);
        }
    }
}
