package io.tienda.product.search.domain;

import java.util.List;

/**
 * A category's branch, root first and the category itself last; empty for an unknown id. A product
 * is indexed under every category of its branch, so filtering by a category finds its descendants'
 * products too and names of parent categories are searchable.
 */
@FunctionalInterface
public interface CategoryLineage {

    List<CategoryLevel> of(String categoryId);
}
