package io.tienda.platform.events.product;

import io.tienda.platform.events.Money;

/** One SKU's price before and after a change. */
public record PriceChange(String sku, Money previous, Money current) {
}
