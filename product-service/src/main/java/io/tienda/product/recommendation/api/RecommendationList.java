package io.tienda.product.recommendation.api;

import io.tienda.product.catalog.api.ProductSummary;
import io.tienda.product.recommendation.domain.Recommendation;

import java.util.List;
import java.util.Locale;

/** {@code {items: [{reason, product}]}}: the recommendations in the order to show them. */
public record RecommendationList(List<Item> items) {

    /**
     * @param reason  {@code bought-together}, {@code same-category}, {@code related-category} or {@code same-brand}
     * @param product the product as lists show it
     */
    public record Item(String reason, ProductSummary product) {
    }

    static RecommendationList of(List<Recommendation> recommendations) {
        return new RecommendationList(recommendations.stream()
                .map(recommendation -> new Item(reason(recommendation.reason()),
                        ProductSummary.of(recommendation.product())))
                .toList());
    }

    static String reason(Recommendation.Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
