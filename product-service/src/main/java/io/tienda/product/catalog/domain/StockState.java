package io.tienda.product.catalog.domain;

/**
 * What inventory-service last said a SKU has available. {@code version} comes with each
 * {@code inventory.stock_changed}; an older version never overwrites a newer one.
 */
public record StockState(int available, long version) {

    /** A SKU inventory has not spoken about yet: not for sale until it has. */
    public static final StockState UNKNOWN = new StockState(0, -1);

    public boolean inStock() {
        return available > 0;
    }

    public boolean isNewerThan(StockState other) {
        return other == null || version > other.version;
    }
}
