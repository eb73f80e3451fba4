package io.tienda.product.catalog.api;

import io.tienda.platform.events.Money;
import io.tienda.product.catalog.domain.BrandRef;
import io.tienda.product.catalog.domain.Product;

import java.time.Instant;
import java.util.List;

/** A product as lists show it: what a product card needs, not the full detail. */
public record ProductSummary(String id, String slug, String name, Money price, String categoryId, BrandRef brand,
        List<String> images, boolean inStock, Instant createdAt) {

    public static ProductSummary of(Product product) {
        return new ProductSummary(product.id(), product.slug(), product.name(), product.price(),
                product.categoryId(), product.brand(), product.images(), product.inStock(), product.createdAt());
    }
}
