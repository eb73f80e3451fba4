package io.tienda.product.catalog.domain;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * A write the unique indexes refused: what it would have made two products share. {@code slug} is
 * the slug another product uses (null when the slug is free), {@code skus} the SKUs other products
 * use; when neither is taken, a product with the same id exists.
 */
public class CatalogConflict extends RuntimeException {

    private final String slug;
    private final Set<String> skus;

    public CatalogConflict(String slug, Collection<String> skus) {
        super(slug != null ? "the slug " + slug + " is taken"
                : !skus.isEmpty() ? "SKUs are taken: " + new TreeSet<>(skus) : "the product already exists");
        this.slug = slug;
        this.skus = Set.copyOf(skus);
    }

    public String slug() {
        return slug;
    }

    public Set<String> skus() {
        return skus;
    }
}
