package io.tienda.product.search.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tienda.product.search.domain.FacetValue;

import java.util.Map;

/**
 * A facet value with its count; {@code select} holds the query parameters that narrow the search to
 * it. Categories add their {@code depth} in the tree and their {@code parent}'s slug.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FacetBucket(String value, String label, long count, Integer depth, String parent,
        Map<String, String> select) {

    static FacetBucket of(FacetValue value) {
        return new FacetBucket(value.value(), value.label(), value.count(), value.depth(), value.parent(),
                value.select());
    }
}
