package io.tienda.platform.events.product;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.List;

/**
 * Fact: a product was added to the catalog with these variants. inventory-service registers the
 * SKUs; search replicas index the product; {@code price} is the product's list price, {@code prices}
 * what each SKU sells at (a variant may have a price of its own).
 */
@EventType("product.created")
public record ProductCreated(String productId, String slug, String name, String categoryId, String brandId,
        List<String> skus, Money price, boolean active, List<SkuPrice> prices) {

    /** As announced before {@code prices} was carried: a consumer reading one finds it null. */
    public ProductCreated(String productId, String slug, String name, String categoryId, String brandId,
            List<String> skus, Money price, boolean active) {
        this(productId, slug, name, categoryId, brandId, skus, price, active, null);
    }
}
