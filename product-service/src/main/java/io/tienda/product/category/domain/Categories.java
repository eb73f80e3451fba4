package io.tienda.product.category.domain;

import java.util.List;

/** The category tree as stored. */
public interface Categories {

    List<Category> all();
}
