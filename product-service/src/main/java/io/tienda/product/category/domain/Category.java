package io.tienda.product.category.domain;

import io.tienda.product.shared.domain.LocalizedText;

import java.util.Objects;

/**
 * A node of the category tree. {@code path} is the materialized path of slugs from the root
 * (e.g. {@code /electronica/audio}), so a subtree is one prefix query.
 */
public record Category(String id, String slug, LocalizedText name, String parentId, String path, int sortOrder) {

    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }

    /** Zero for a root category. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }

    public boolean isRoot() {
        return parentId == null;
    }
}
