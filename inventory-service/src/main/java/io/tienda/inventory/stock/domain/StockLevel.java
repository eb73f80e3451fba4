package io.tienda.inventory.stock.domain;

/**
 * The stock of one SKU in one warehouse.
 *
 * @param available units still for sale there: {@code onHand - reserved}
 * @param lowStock  whether {@code available} is at or below the reorder point
 */
public record StockLevel(String sku, String warehouseCode, int onHand, int reserved, int available,
        int reorderPoint, int reorderQuantity, boolean lowStock) {
}
