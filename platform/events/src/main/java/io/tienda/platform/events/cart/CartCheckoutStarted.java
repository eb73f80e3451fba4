package io.tienda.platform.events.cart;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.time.Instant;
import java.util.List;

/**
 * Fact: a signed-in shopper's priced cart was snapshotted for checkout (order-service asked for it).
 * The middle of the funnel: cart add, checkout started, order confirmed.
 */
@EventType("cart.checkout_started")
public record CartCheckoutStarted(String cartId, String customerId, List<CheckoutLine> lines, int itemCount,
        Money total, Instant startedAt) {
}
