package io.tienda.product.search.domain;

import io.tienda.platform.core.Page;
import io.tienda.product.catalog.domain.Product;

import java.util.List;
import java.util.Map;

/** One page of hits and, per facet ({@link FacetValue#CATEGORY}, ...), its values with their counts. */
public record SearchResult(Page<Product> hits, Map<String, List<FacetValue>> facets) {

    public SearchResult {
        facets = Map.copyOf(facets);
    }
}
