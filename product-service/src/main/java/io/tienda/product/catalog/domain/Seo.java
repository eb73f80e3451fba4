package io.tienda.product.catalog.domain;

import io.tienda.product.shared.domain.LocalizedText;

/** What search engines show for the product page; null parts fall back to the name and description. */
public record Seo(LocalizedText title, LocalizedText description) {

    public static final Seo NONE = new Seo(null, null);
}
