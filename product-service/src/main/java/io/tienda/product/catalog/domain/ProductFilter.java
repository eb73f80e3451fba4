package io.tienda.product.catalog.domain;

import java.util.Map;

/**
 * What a shopper narrows a product list or a search to. Null means "any". {@code category} is a
 * category slug and includes its descendants; {@code brand} is a brand slug; prices are minor units
 * compared with {@link Product#fromPrice()}; {@code attributes} must all match one variant's values.
 */
public record ProductFilter(String category, String brand, Long minPrice, Long maxPrice,
        Map<String, String> attributes, Boolean inStock, Boolean featured) {

    public static final ProductFilter NONE = new ProductFilter(null, null, null, null, Map.of(), null, null);

    public ProductFilter {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw new IllegalArgumentException("minPrice is above maxPrice");
        }
    }
}
