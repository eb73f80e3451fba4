package io.tienda.returns.orders.domain;

/**
 * Units of one SKU as the customer bought them.
 *
 * @param unitPrice in minor units of the order's currency
 */
public record OrderedLine(String sku, String productId, String name, int quantity, long unitPrice) {
}
