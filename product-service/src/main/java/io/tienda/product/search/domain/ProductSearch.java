package io.tienda.product.search.domain;

import io.tienda.platform.web.Page;
import io.tienda.product.catalog.domain.Product;

import java.util.Map;

/** Full-text product search: hits and, per facet, the number of hits per value. */
public interface ProductSearch {

    Result search(String query, int page, int size);

    record Result(Page<Product> hits, Map<String, Map<String, Long>> facets) {
    }
}
