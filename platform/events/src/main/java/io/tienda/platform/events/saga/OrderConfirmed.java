package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Fact: stock is reserved and payment authorised; the order will be fulfilled. Carts clear, mail goes out, analytics records a sale. */
@EventType("order.confirmed")
public record OrderConfirmed(UUID orderId, String customerId, String cartId, List<OrderLine> lines, Money total, Instant confirmedAt) {
}
