package io.tienda.product.search.persistence;

import io.tienda.product.category.domain.Categories;
import io.tienda.product.search.domain.CategoryLevel;
import io.tienda.product.search.domain.CategoryLineage;
import org.springframework.stereotype.Component;

import java.util.List;

/** Category branches as the catalog's category tree has them. */
@Component
class CatalogCategoryLineage implements CategoryLineage {

    private final Categories categories;

    CatalogCategoryLineage(Categories categories) {
        this.categories = categories;
    }

    @Override
    public List<CategoryLevel> of(String categoryId) {
        return categories.lineage(categoryId).stream()
                .map(category -> new CategoryLevel(category.id(), category.slug(), category.name()))
                .toList();
    }
}
