package io.tienda.platform.events.product;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.List;

/**
 * Fact: a product changed (texts, category, variants, flags, rating). Carries the product as it is
 * now; {@code skus} lists every current variant, so a consumer can tell added from removed ones, and
 * {@code prices} what each sells at.
 */
@EventType("product.updated")
public record ProductUpdated(String productId, String slug, String name, String categoryId, String brandId,
        List<String> skus, Money price, boolean active, List<SkuPrice> prices) {

    /** As announced before {@code prices} was carried: a consumer reading one finds it null. */
    public ProductUpdated(String productId, String slug, String name, String categoryId, String brandId,
            List<String> skus, Money price, boolean active) {
        this(productId, slug, name, categoryId, brandId, skus, price, active, null);
    }
}
