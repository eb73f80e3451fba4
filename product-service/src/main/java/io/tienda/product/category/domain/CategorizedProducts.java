package io.tienda.product.category.domain;

import java.util.Collection;

/**
 * The products filed under categories, as far as the tree needs to know: a category that has
 * products cannot be deleted. The catalog implements it; categories declare it, so that they do
 * not depend on the catalog.
 */
public interface CategorizedProducts {

    /** Whether any product, active or not, is in one of these categories. */
    boolean anyInCategories(Collection<String> categoryIds);
}
