package io.tienda.cart.pricing.domain;

/** A line to price: what the cart holds of one SKU. */
public record PricingItem(String sku, int quantity) {
}
