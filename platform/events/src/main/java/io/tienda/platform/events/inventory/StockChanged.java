package io.tienda.platform.events.inventory;

import io.tienda.platform.events.EventType;

/**
 * Fact: what can be sold of a SKU, over all warehouses, is now {@code available}. {@code version}
 * grows with every change of the SKU, so a consumer keeps the newest and ignores late arrivals.
 */
@EventType("inventory.stock_changed")
public record StockChanged(String sku, int available, boolean inStock, long version) {
}
