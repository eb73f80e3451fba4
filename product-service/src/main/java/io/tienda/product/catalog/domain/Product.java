package io.tienda.product.catalog.domain;

import io.tienda.platform.events.Money;
import io.tienda.product.brand.domain.BrandRef;
import io.tienda.product.shared.domain.LocalizedText;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A product of the catalog. Shoppers buy one of its variants (a SKU). {@code price} is what the
 * product is listed at and {@code compareAtPrice} the crossed-out "was" price, if any; a variant
 * may override both. {@code version} grows with every change and is the ETag of the product.
 */
public record Product(String id, String slug, LocalizedText name, LocalizedText description, String categoryId,
        BrandRef brand, Money price, Money compareAtPrice, List<Image> images, List<Variant> variants,
        boolean active, boolean featured, Seo seo, Rating rating, Instant createdAt, Instant updatedAt,
        long version) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        images = images == null ? List.of() : List.copyOf(images);
        variants = variants == null ? List.of() : List.copyOf(variants);
        seo = seo == null ? Seo.NONE : seo;
        rating = rating == null ? Rating.NONE : rating;
    }

    /** In stock when any variant is. */
    public boolean inStock() {
        return variants.stream().anyMatch(variant -> variant.stock().inStock());
    }

    public List<String> skus() {
        return variants.stream().map(Variant::sku).toList();
    }

    public Optional<Variant> variant(String sku) {
        return variants.stream().filter(variant -> variant.sku().equals(sku)).findFirst();
    }

    /** What a shopper pays for the variant before offers. */
    public Money priceOf(Variant variant) {
        return variant.price() != null ? variant.price() : price;
    }

    /** The lowest price any variant sells at: what lists show and price filters compare. */
    public Money fromPrice() {
        return variants.stream().map(this::priceOf)
                .filter(money -> money.currency().equals(price.currency()))
                .min((a, b) -> Long.compare(a.amount(), b.amount()))
                .orElse(price);
    }

    /**
     * Grows with every stock change inventory reports for the product, which leaves {@code version}
     * alone: together they identify what a shopper sees, e.g. for an ETag.
     */
    public long stockStamp() {
        return variants.stream().mapToLong(variant -> variant.stock().version() + 1).sum();
    }

    /** The product with a new review rating, one version on. */
    public Product withRating(Rating newRating, Instant at) {
        return new Product(id, slug, name, description, categoryId, brand, price, compareAtPrice, images, variants,
                active, featured, seo, newRating, createdAt, at, version + 1);
    }

    /**
     * The product as it is, one version on: announced again because its category moved or was renamed,
     * which changes the branch search files it under although nothing stored here changes.
     */
    public Product reannounced(Instant at) {
        return new Product(id, slug, name, description, categoryId, brand, price, compareAtPrice, images, variants,
                active, featured, seo, rating, createdAt, at, version + 1);
    }

    /** The product carrying a renamed brand's new copy, one version on. */
    public Product withBrand(BrandRef newBrand, Instant at) {
        return new Product(id, slug, name, description, categoryId, newBrand, price, compareAtPrice, images,
                variants, active, featured, seo, rating, createdAt, at, version + 1);
    }
}
