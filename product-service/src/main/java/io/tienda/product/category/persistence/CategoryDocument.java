package io.tienda.product.category.persistence;

import io.tienda.product.category.domain.Category;
import io.tienda.product.shared.domain.LocalizedText;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A category as stored in the {@code categories} collection. */
@Document(CategoryDocument.COLLECTION)
record CategoryDocument(@Id String id, String slug, Name name, String parentId, String path, int sortOrder) {

    static final String COLLECTION = "categories";

    static CategoryDocument of(Category category) {
        return new CategoryDocument(category.id(), category.slug(),
                new Name(category.name().es(), category.name().en()), category.parentId(), category.path(),
                category.sortOrder());
    }

    Category toDomain() {
        return new Category(id, slug, name == null ? new LocalizedText(slug, null)
                : new LocalizedText(name.es(), name.en()), parentId, path, sortOrder);
    }

    record Name(String es, String en) {
    }
}
