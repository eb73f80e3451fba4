package io.tienda.product.search.api;

import io.tienda.product.catalog.api.ProductSummary;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, the number of hits over all pages, and per facet ({@code category}, {@code brand},
 * {@code price}, {@code rating}, {@code inStock}) its values with their counts.
 */
public record SearchResponse(List<ProductSummary> items, long total, Map<String, List<FacetBucket>> facets, int page,
        int size) {
}
