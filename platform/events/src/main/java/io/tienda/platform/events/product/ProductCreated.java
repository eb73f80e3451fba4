package io.tienda.platform.events.product;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.List;

/**
 * Fact: a product was added to the catalog with these variants. inventory-service registers the
 * SKUs; search replicas index the product; {@code price} is the product's list price.
 */
@EventType("product.created")
public record ProductCreated(String productId, String slug, String name, String categoryId, String brandId,
        List<String> skus, Money price, boolean active) {
}
