package io.tienda.product.catalog.domain;

import java.util.List;
import java.util.Objects;

/**
 * A product list as a store runs it: the shopper's filter with its category slug already resolved
 * to the ids of that category and everything below it ({@code null} for any category, empty for a
 * category that does not exist, which matches nothing).
 */
public record ProductQuery(ProductFilter filter, List<String> categoryIds, ProductSort sort, boolean includeInactive) {

    public ProductQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        categoryIds = categoryIds == null ? null : List.copyOf(categoryIds);
        if (sort == ProductSort.RELEVANCE) {
            throw new IllegalArgumentException("a list without a query has no relevance to sort by");
        }
    }
}
