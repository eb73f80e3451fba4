package io.tienda.platform.events.cart;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.time.Instant;

/**
 * Fact: a shopper put units of a SKU in a cart (a new line or more of an existing one). The top of
 * the funnel for analytics. {@code customerId} is null for a guest cart; {@code cartId} is an opaque
 * id, never the guest's cart token. {@code unitPrice} is the price the shopper saw, null when
 * product-service could not price it at that moment.
 */
@EventType("cart.item_added")
public record CartItemAdded(String cartId, String customerId, String sku, int quantity, int lineQuantity,
        Money unitPrice, Instant addedAt) {
}
