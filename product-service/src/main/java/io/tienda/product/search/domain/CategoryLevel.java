package io.tienda.product.search.domain;

import io.tienda.product.shared.domain.LocalizedText;

import java.util.Objects;

/** One category of a product's branch, as search shows and filters it. */
public record CategoryLevel(String id, String slug, LocalizedText name) {

    public CategoryLevel {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
    }
}
