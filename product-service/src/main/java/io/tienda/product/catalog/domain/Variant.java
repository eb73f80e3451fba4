package io.tienda.product.catalog.domain;

import io.tienda.platform.events.Money;

import java.util.Map;
import java.util.Objects;

/**
 * A sellable unit of a product, e.g. size M in blue. {@code price} and {@code compareAtPrice} are
 * null when the variant sells at the product's; {@code stock} is the projection kept from inventory.
 */
public record Variant(String sku, Map<String, String> attributes, Money price, Money compareAtPrice,
        StockState stock) {

    public Variant {
        Objects.requireNonNull(sku, "sku");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        stock = stock == null ? StockState.UNKNOWN : stock;
    }

    public Variant withStock(StockState newStock) {
        return new Variant(sku, attributes, price, compareAtPrice, newStock);
    }
}
