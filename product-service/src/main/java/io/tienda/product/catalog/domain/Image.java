package io.tienda.product.catalog.domain;

import io.tienda.product.shared.domain.LocalizedText;

import java.util.Objects;

/** A product picture; {@code alt} describes it for screen readers and search engines. */
public record Image(String url, LocalizedText alt) {

    public Image {
        Objects.requireNonNull(url, "url");
    }
}
