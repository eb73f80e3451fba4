package io.tienda.product.catalog.domain;

import java.util.Arrays;
import java.util.Locale;

/** The orders a product list or a search can come in; relevance only means something for a query. */
public enum ProductSort {
    RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST, RATING;

    /** The value as the API spells it: {@code price_asc}, {@code newest}, ... */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProductSort fromParam(String value) {
        return Arrays.stream(values()).filter(sort -> sort.param().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sort " + value));
    }
}
