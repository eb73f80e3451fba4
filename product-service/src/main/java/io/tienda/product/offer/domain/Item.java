package io.tienda.product.offer.domain;

import java.util.Objects;
import java.util.Set;

/**
 * What an offer is matched against: a variant of a product, with the product's category and every
 * category above it, so that an offer on "Electrónica" also covers a phone filed under "Móviles".
 */
public record Item(String productId, String sku, Set<String> categoryIds) {

    public Item {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(sku, "sku");
        categoryIds = categoryIds == null ? Set.of() : Set.copyOf(categoryIds);
    }
}
