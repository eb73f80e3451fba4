package io.tienda.inventory.stock.domain;

/**
 * The stock of one SKU in one warehouse, as staff see it.
 *
 * @param available units still for sale there: {@code onHand - reserved}
 * @param lowStock  whether {@code available} is at or below the reorder point
 */
public record StockLevel(String sku, String warehouseCode, boolean warehouseActive, int onHand, int reserved,
        int available, int reorderPoint, int reorderQuantity, boolean lowStock) {

    public static StockLevel of(StockRow row) {
        return new StockLevel(row.sku(), row.warehouseCode(), row.warehouseActive(), row.onHand(), row.reserved(),
                row.available(), row.reorderPoint(), row.reorderQuantity(), row.low());
    }
}
