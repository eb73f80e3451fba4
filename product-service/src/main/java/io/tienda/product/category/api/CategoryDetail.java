package io.tienda.product.category.api;

import io.tienda.product.category.domain.Category;
import io.tienda.product.shared.domain.LocalizedText;

import java.util.List;

/**
 * One category with its breadcrumb ({@code lineage}, root first, ending with itself) and its
 * direct subcategories in menu order.
 */
public record CategoryDetail(String id, String slug, LocalizedText name, String parentId, String path, int depth,
        int sortOrder, List<Crumb> lineage, List<CategoryResponse> children) {

    public record Crumb(String id, String slug, LocalizedText name) {

        static Crumb of(Category category) {
            return new Crumb(category.id(), category.slug(), category.name());
        }
    }

    static CategoryDetail of(Category category, List<Category> lineage, List<Category> children) {
        return new CategoryDetail(category.id(), category.slug(), category.name(), category.parentId(),
                category.path(), category.depth(), category.sortOrder(), lineage.stream().map(Crumb::of).toList(),
                children.stream().map(CategoryResponse::of).toList());
    }
}
