package io.tienda.platform.events.product;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.List;

/**
 * Fact: a product changed (texts, category, variants, flags, rating). Carries the product as it is
 * now; {@code skus} lists every current variant, so a consumer can tell added from removed ones.
 */
@EventType("product.updated")
public record ProductUpdated(String productId, String slug, String name, String categoryId, String brandId,
        List<String> skus, Money price, boolean active) {
}
