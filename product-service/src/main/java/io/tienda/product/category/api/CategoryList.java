package io.tienda.product.category.api;

import java.util.List;

/** The whole category tree, flattened in menu order. */
public record CategoryList(List<CategoryResponse> items) {
}
