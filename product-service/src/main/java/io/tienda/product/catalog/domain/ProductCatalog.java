package io.tienda.product.catalog.domain;

import io.tienda.platform.web.Page;

/** The catalog's products as the rest of the service reads them. */
public interface ProductCatalog {

    /** Products on sale, newest first. */
    Page<Product> active(int page, int size);

    /** Products on sale whose name contains {@code text}, ignoring case, newest first. */
    Page<Product> activeWithNameContaining(String text, int page, int size);
}
