package io.tienda.platform.events.cart;

import io.tienda.platform.events.Money;

/** A line of a cart as priced when checkout started. */
public record CheckoutLine(String sku, int quantity, Money unitPrice, Money lineTotal) {
}
