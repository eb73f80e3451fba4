package io.tienda.product.brand.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The brands of the catalog. */
public interface Brands {

    /** Every brand, by name. */
    List<Brand> all();

    Optional<Brand> byId(String id);

    Optional<Brand> bySlug(String slug);

    /** @throws org.springframework.dao.DuplicateKeyException when the id or slug is taken */
    void insert(Brand brand);

    /**
     * Replaces the brand if it is still at {@code brand.version() - 1}. With {@code productsToRelabel}
     * the same write notes that its products are still to be given its new copy ({@link BrandedProducts}),
     * so that a crash before they all are leaves the note behind; {@link #relabelled} takes it away.
     *
     * @return the brand's note: how many times it was made and not yet taken away, 0 for none; empty
     *         when the brand moved on
     */
    OptionalLong replace(Brand brand, boolean productsToRelabel);

    /** The note {@link #replace} left on the brand, 0 for none. */
    long productsToRelabel(String id);

    /** The brands noted by {@link #replace}, each id with its note. */
    Map<String, Long> withProductsToRelabel();

    /** Takes the note away, unless a later rename renewed it meanwhile (its note is no longer {@code note}). */
    void relabelled(String id, long note);
}
