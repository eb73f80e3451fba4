package io.tienda.product.category.domain;

import java.util.Collection;

/**
 * The products filed under categories, as a change of the tree reaches them. Products keep only
 * their category's id, but search files each one under its category's branch, slugs and names
 * copied when the product is indexed; a category moved or renamed therefore has its products
 * announced again. The catalog implements it; categories declare it, so that they do not depend on
 * the catalog.
 */
public interface CategoryMembers {

    /**
     * Announces every product, deleted ones excluded, of these categories as updated, each one version
     * on, so that whoever copied where its category sits reads it again; answers how many.
     */
    int reannounce(Collection<String> categoryIds);
}
