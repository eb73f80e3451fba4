package io.tienda.product.search.domain;

/**
 * A completion of what the shopper is typing: a product name in one language, or a category or
 * brand to narrow to. {@code slug} identifies the product, category or brand; {@code language} is
 * the language of a product name's text, null for brands.
 */
public record Suggestion(String text, Kind type, String slug, String language) {

    public enum Kind {
        CATEGORY, BRAND, PRODUCT
    }
}
