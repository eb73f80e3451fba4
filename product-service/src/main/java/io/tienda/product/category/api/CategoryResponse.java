package io.tienda.product.category.api;

import io.tienda.product.category.domain.Category;
import io.tienda.product.shared.domain.LocalizedText;

/** A category in the menu list; {@code depth} lets a client indent without rebuilding the tree. */
public record CategoryResponse(String id, String slug, LocalizedText name, String parentId, String path, int depth,
        int sortOrder) {

    static CategoryResponse of(Category category) {
        return new CategoryResponse(category.id(), category.slug(), category.name(), category.parentId(),
                category.path(), category.depth(), category.sortOrder());
    }
}
