package io.tienda.product.category.domain;

import java.util.List;
import java.util.Map;
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

    /**
     * Replaces the stored category with the same id. With {@code productsToAnnounce} the same write
     * notes that the products of its subtree are to be announced again ({@link CategoryMembers}), so
     * that a crash before they all are leaves the note behind; {@link #announced} takes it away.
     *
     * @return the category's note: how many times it was made and not yet taken away, 0 for none
     * @throws org.springframework.dao.DuplicateKeyException on a taken slug
     */
    long replace(Category category, boolean productsToAnnounce);

    /** The categories noted by {@link #replace}, each id with its note. */
    Map<String, Long> withProductsToAnnounce();

    /** Takes the note away, unless a later change renewed it meanwhile (its note is no longer {@code note}). */
    void announced(String id, long note);

    void delete(String id);

    /** Stores a path derived again from the parent links. */
    void setPath(String id, String path);
}
