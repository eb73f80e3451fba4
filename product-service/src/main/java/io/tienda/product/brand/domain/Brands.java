package io.tienda.product.brand.domain;

import java.util.List;
import java.util.Optional;

/** The brands of the catalog. */
public interface Brands {

    /** Every brand, by name. */
    List<Brand> all();

    Optional<Brand> byId(String id);

    Optional<Brand> bySlug(String slug);

    /** @throws org.springframework.dao.DuplicateKeyException when the id or slug is taken */
    void insert(Brand brand);

    /** Replaces the brand if it is still at {@code brand.version() - 1}; false when it moved on. */
    boolean replace(Brand brand);
}
