package io.tienda.product.search.domain;

import java.util.Map;

/**
 * One value of a facet with the number of hits it would leave. {@code select} holds the query
 * parameters that narrow the search to this value (e.g. {@code minPrice=2000, maxPrice=4999}), so a
 * client never has to know how values map to filters. Categories form a tree: {@code depth} counts
 * from 0 at the roots and {@code parent} is the parent's slug.
 */
public record FacetValue(String value, String label, long count, Integer depth, String parent,
        Map<String, String> select) {

    public static final String CATEGORY = "category";
    public static final String BRAND = "brand";
    public static final String PRICE = "price";
    public static final String RATING = "rating";
    public static final String IN_STOCK = "inStock";

    public FacetValue {
        select = Map.copyOf(select);
    }

    public static FacetValue of(String value, String label, long count, Map<String, String> select) {
        return new FacetValue(value, label, count, null, null, select);
    }
}
