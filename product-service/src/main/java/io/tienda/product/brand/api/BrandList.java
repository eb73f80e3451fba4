package io.tienda.product.brand.api;

import java.util.List;

/** Every brand, by name. */
public record BrandList(List<BrandResponse> items) {
}
