package io.tienda.product.recommendation.domain;

import io.tienda.product.catalog.domain.Product;

/** A product shown beside another, and why it was chosen. */
public record Recommendation(Product product, Reason reason) {

    /** Why a product is recommended, strongest first. */
    public enum Reason {
        /** Customers who bought the product also bought this one. */
        BOUGHT_TOGETHER,
        /** In the product's own category, best rated first. */
        SAME_CATEGORY,
        /** In another category under the same parent (a sibling's, or below one), best rated first. */
        RELATED_CATEGORY,
        /** Of the product's brand, best rated first. */
        SAME_BRAND
    }
}
