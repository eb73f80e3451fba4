package io.tienda.inventory.stock.persistence;

/**
 * Which stock rows a staff list shows. Every field is optional.
 *
 * @param skuPrefix     rows whose SKU starts with this
 * @param warehouseCode rows of this warehouse
 * @param lowStock      true for rows at or below their reorder point, false for the others
 */
public record StockFilter(String skuPrefix, String warehouseCode, Boolean lowStock) {
}
