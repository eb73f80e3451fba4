package io.tienda.platform.events.saga;

/** One SKU and how many units of it. */
public record StockLine(String sku, int quantity) {
}
