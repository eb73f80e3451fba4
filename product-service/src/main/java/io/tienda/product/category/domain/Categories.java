package io.tienda.product.category.domain;

import java.util.List;
import java.util.Optional;

/** The category tree as stored. */
public interface Categories {

    /** Every category, in no particular order; {@link CategoryTree#menuOrder} orders them. */
    List<Category> all();

    Optional<Category> byId(String id);

    Optional<Category> bySlug(String slug);

    /**
     * The category and its ancestors, root first (e.g. Electrónica, Audio); empty when the id is
     * unknown. What breadcrumbs and search facets over the whole branch are built from.
     */
    List<Category> lineage(String categoryId);

    /** The ids of the category and of every category below it. */
    List<String> subtreeIds(Category category);

    /** @throws org.springframework.dao.DuplicateKeyException when the id or slug is taken */
    void insert(Category category);

    /** Replaces the stored category with the same id. @throws org.springframework.dao.DuplicateKeyException on a taken slug */
    void replace(Category category);

    void delete(String id);

    /** Stores a path derived again from the parent links. */
    void setPath(String id, String path);
}
