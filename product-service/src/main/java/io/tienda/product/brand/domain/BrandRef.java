package io.tienda.product.brand.domain;

/** The brand as products carry it: enough to show and to filter, without a lookup. */
public record BrandRef(String id, String slug, String name) {
}
