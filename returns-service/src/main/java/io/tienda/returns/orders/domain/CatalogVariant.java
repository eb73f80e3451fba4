package io.tienda.returns.orders.domain;

/**
 * A SKU as this service knows it: the product it is a variant of, what the catalog sells it at before
 * offers, in minor units of {@code currency}, and whether the catalog still sells it.
 *
 * @param price     null (with {@code currency}) when unknown: the SKU was learnt from an order's lines only, or
 *                  before prices were kept
 * @param withdrawn the catalog no longer sells it: its product was deleted or deactivated, or the variant removed
 */
public record CatalogVariant(String sku, String productId, Long price, String currency, boolean withdrawn) {

    /** A SKU the catalog sells. */
    public CatalogVariant(String sku, String productId, Long price, String currency) {
        this(sku, productId, price, currency, false);
    }
}
