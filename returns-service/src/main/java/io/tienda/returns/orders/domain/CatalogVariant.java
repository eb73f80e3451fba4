package io.tienda.returns.orders.domain;

/**
 * A SKU as this service knows it: the product it is a variant of, and what the catalog sells it at before
 * offers, in minor units of {@code currency}.
 *
 * @param price null (with {@code currency}) when unknown: the SKU was learnt from an order's lines only, or
 *              before prices were kept
 */
public record CatalogVariant(String sku, String productId, Long price, String currency) {
}
