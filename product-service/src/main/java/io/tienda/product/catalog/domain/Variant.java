package io.tienda.product.catalog.domain;

import io.tienda.platform.events.Money;

import java.util.Map;

/** A sellable unit of a product, e.g. size M in blue; {@code price} is null when it sells at the product's price. */
public record Variant(String sku, Map<String, String> attributes, Money price) {

    public Variant {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
