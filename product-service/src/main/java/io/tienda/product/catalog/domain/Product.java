package io.tienda.product.catalog.domain;

import io.tienda.platform.events.Money;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A product of the catalog. Shoppers buy one of its variants (a SKU); {@code price} is what the
 * product is listed at, and {@code inStock} is the stock projection kept current from inventory.
 */
public record Product(String id, String slug, String name, String description, String categoryId, BrandRef brand,
        Money price, List<String> images, List<Variant> variants, boolean active, boolean inStock,
        Instant createdAt) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        images = images == null ? List.of() : List.copyOf(images);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }
}
