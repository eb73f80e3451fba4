package io.tienda.product.catalog.api;

import io.tienda.platform.events.Money;
import io.tienda.product.brand.domain.BrandRef;
import io.tienda.product.catalog.domain.Image;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.Rating;
import io.tienda.product.catalog.domain.Seo;
import io.tienda.product.shared.domain.LocalizedText;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A product in full, as its page shows it. Each variant's {@code price} and {@code compareAtPrice}
 * are what it sells at (its own, or the product's); {@code available} is what inventory last reported.
 */
public record ProductView(String id, String slug, LocalizedText name, LocalizedText description, String categoryId,
        BrandRef brand, Money price, Money compareAtPrice, Money fromPrice, List<Image> images,
        List<VariantView> variants, boolean active, boolean featured, Seo seo, Rating rating, boolean inStock,
        Instant createdAt, Instant updatedAt, long version) {

    public record VariantView(String sku, Map<String, String> attributes, Money price, Money compareAtPrice,
            int available, boolean inStock) {
    }

    public static ProductView of(Product product) {
        return new ProductView(product.id(), product.slug(), product.name(), product.description(),
                product.categoryId(), product.brand(), product.price(), product.compareAtPrice(), product.fromPrice(),
                product.images(),
                product.variants().stream().map(variant -> new VariantView(variant.sku(), variant.attributes(),
                        product.priceOf(variant), ProductSummary.compareAtOf(product, variant),
                        Math.max(0, variant.stock().available()), variant.stock().inStock())).toList(),
                product.active(), product.featured(), product.seo(), product.rating(), product.inStock(),
                product.createdAt(), product.updatedAt(), product.version());
    }
}
