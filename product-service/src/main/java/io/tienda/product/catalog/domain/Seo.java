package io.tienda.product.catalog.domain;

/** What search engines show for the product page; null parts fall back to the name and description. */
public record Seo(LocalizedText title, LocalizedText description) {

    public static final Seo NONE = new Seo(null, null);
}
