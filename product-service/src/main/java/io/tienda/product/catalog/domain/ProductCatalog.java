package io.tienda.product.catalog.domain;

import io.tienda.platform.core.Page;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The catalog's products as the rest of the service reads them. A deleted product is gone for
 * every method here: it stays stored only as a tombstone until its {@code product.deleted} is sent.
 */
public interface ProductCatalog {

    /** Products on sale, newest first. */
    Page<Product> active(int page, int size);

    /** Products on sale whose name contains {@code text}, ignoring case, newest first. */
    Page<Product> activeWithNameContaining(String text, int page, int size);

    Optional<Product> byId(String id);

    Optional<Product> bySlug(String slug);

    /** The products among these ids that exist, active or not, in no particular order. */
    List<Product> byIds(Collection<String> ids);

    /** The products that have a variant with one of these SKUs, active or not. */
    List<Product> bySkus(Collection<String> skus);

    /** Every product, active or not, in id order: what derived views (the search index) are rebuilt from. */
    void forEach(Consumer<Product> action);

    /** One page of the products matching {@code query}, in its order; ties are broken by id. */
    Page<Product> find(ProductQuery query, int page, int size);

    /**
     * Records a product's new review rating and announces it ({@code product.updated}) like any
     * other change; empty when the product does not exist. The rating is asked for only once the
     * product has been read, and again each time a concurrent change makes the write start over: a
     * rating worked out before that read could be older than the one a concurrent writer has just
     * stored, and would replace it.
     */
    Optional<Product> rate(String productId, Supplier<Rating> rating);
}
