package io.tienda.order.orders.domain;

/**
 * One line of an order, as it was priced at checkout.
 *
 * @param unitPrice and {@code lineTotal} in minor units of the order's currency
 */
public record OrderLine(int lineNo, String sku, String productId, String name, int quantity, long unitPrice,
        long lineTotal) {
}
