package io.tienda.product.catalog.api;

import io.tienda.platform.events.Money;
import io.tienda.product.catalog.domain.BrandRef;
import io.tienda.product.catalog.domain.Image;
import io.tienda.product.catalog.domain.LocalizedText;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.Rating;

import java.time.Instant;
import java.util.List;

/** A product as lists show it: what a product card needs, not the full detail. */
public record ProductSummary(String id, String slug, LocalizedText name, Money price, Money compareAtPrice,
        String categoryId, BrandRef brand, Image image, Rating rating, boolean inStock, boolean featured,
        Instant createdAt) {

    public static ProductSummary of(Product product) {
        return new ProductSummary(product.id(), product.slug(), product.name(), product.fromPrice(),
                product.compareAtPrice(), product.categoryId(), product.brand(),
                product.images().isEmpty() ? null : product.images().get(0), product.rating(),
                product.inStock(), product.featured(), product.createdAt());
    }
}
