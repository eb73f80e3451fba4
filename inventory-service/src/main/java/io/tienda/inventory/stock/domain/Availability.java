package io.tienda.inventory.stock.domain;

/**
 * How many units of a SKU can still be sold: on hand minus reserved, summed over the active
 * warehouses. A SKU nobody has stocked has availability zero: this service does not own the
 * catalog, so "no stock yet" and "not sold here" look the same, and neither is an error.
 */
public record Availability(String sku, long available) {

    public boolean inStock() {
        return available > 0;
    }
}
