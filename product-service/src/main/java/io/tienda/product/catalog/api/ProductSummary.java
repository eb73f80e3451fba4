package io.tienda.product.catalog.api;

import io.tienda.platform.events.Money;
import io.tienda.product.brand.domain.BrandRef;
import io.tienda.product.catalog.domain.Image;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.Rating;
import io.tienda.product.catalog.domain.Variant;
import io.tienda.product.shared.domain.LocalizedText;

import java.time.Instant;
import java.util.Comparator;

/**
 * A product as lists show it: what a product card needs, not the full detail. {@code price} is the
 * lowest price any variant sells at ("from 19,99 €") and {@code compareAtPrice} that variant's
 * crossed-out price, if it has one.
 */
public record ProductSummary(String id, String slug, LocalizedText name, Money price, Money compareAtPrice,
        String categoryId, BrandRef brand, Image image, Rating rating, boolean inStock, boolean featured,
        boolean active, Instant createdAt) {

    public static ProductSummary of(Product product) {
        Money from = product.fromPrice();
        Money compareAt = product.variants().stream()
                .filter(variant -> product.priceOf(variant).equals(from))
                .map(variant -> compareAtOf(product, variant))
                .filter(money -> money != null && money.currency().equals(from.currency())
                        && money.amount() > from.amount())
                .max(Comparator.comparingLong(Money::amount))
                .orElse(product.variants().isEmpty() ? product.compareAtPrice() : null);
        return new ProductSummary(product.id(), product.slug(), product.name(), from, compareAt,
                product.categoryId(), product.brand(), product.images().isEmpty() ? null : product.images().get(0),
                product.rating(), product.inStock(), product.featured(), product.active(), product.createdAt());
    }

    static Money compareAtOf(Product product, Variant variant) {
        return variant.compareAtPrice() != null ? variant.compareAtPrice() : product.compareAtPrice();
    }
}
