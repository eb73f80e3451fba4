package io.tienda.analytics.reports.domain;

import java.util.regex.Pattern;

/**
 * Optional narrowing of a sales report to a category, a brand and/or a SKU (ids as the catalog
 * publishes them). Each value is at most 100 letters, digits and {@code . _ : -}; anything else is
 * refused, so a value can never change the meaning of a query.
 */
public record SalesFilter(String category, String brand, String sku) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

    public static final SalesFilter NONE = new SalesFilter(null, null, null);

    public SalesFilter {
        category = check("category", category);
        brand = check("brand", brand);
        sku = check("sku", sku);
    }

    public boolean isEmpty() {
        return category == null && brand == null && sku == null;
    }

    private static String check(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 1-100 letters, digits or . _ : -");
        }
        return value;
    }
}
