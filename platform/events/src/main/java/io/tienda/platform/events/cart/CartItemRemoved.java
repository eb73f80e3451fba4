package io.tienda.platform.events.cart;

import io.tienda.platform.events.EventType;

import java.time.Instant;

/**
 * Fact: a shopper took units of a SKU out of a cart; {@code lineQuantity} is what is left of the
 * line (0 when the line is gone). Not published when a cart is cleared by an order or an erasure.
 */
@EventType("cart.item_removed")
public record CartItemRemoved(String cartId, String customerId, String sku, int quantity, int lineQuantity,
        Instant removedAt) {
}
