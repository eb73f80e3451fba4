package io.tienda.product.category.persistence;

import io.tienda.product.category.domain.Category;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A category as stored in the {@code categories} collection. */
@Document(CategoryDocument.COLLECTION)
record CategoryDocument(@Id String id, String slug, String name, String parentId, String path, int sortOrder) {

    static final String COLLECTION = "categories";

    Category toDomain() {
        return new Category(id, slug, name, parentId, path, sortOrder);
    }
}
