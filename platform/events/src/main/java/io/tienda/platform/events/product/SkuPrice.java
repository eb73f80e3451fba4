package io.tienda.platform.events.product;

import io.tienda.platform.events.Money;

/** What one SKU sells at before offers: its variant's own price, else its product's. */
public record SkuPrice(String sku, Money price) {
}
