package io.tienda.platform.events.inventory;

import io.tienda.platform.events.EventType;

/** Fact: a SKU in a warehouse fell to or below its reorder point; buyers should reorder {@code reorderQuantity}. */
@EventType("inventory.low_stock")
public record LowStock(String sku, String warehouse, int onHand, int available, int reorderPoint,
        int reorderQuantity) {
}
