package io.tienda.product.search.api;

import io.tienda.product.catalog.api.ProductSummary;

import java.util.List;
import java.util.Map;

/** Search hits of one page, the total number of hits and the facet counts (facet → value → hits). */
public record SearchResponse(List<ProductSummary> items, long total, Map<String, Map<String, Long>> facets, int page,
        int size) {
}
