package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Fact: a shopper placed an order; the checkout saga starts. */
@EventType("order.placed")
public record OrderPlaced(UUID orderId, String customerId, List<OrderLine> lines, Money total, Instant placedAt) {
}
