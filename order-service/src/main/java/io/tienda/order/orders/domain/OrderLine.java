package io.tienda.order.orders.domain;

/**
 * One line of an order, as it was priced at checkout.
 *
 * @param unitPrice the catalog price of one unit, in minor units of the order's currency
 * @param discount  what offers and the coupon took off the line
 * @param lineTotal {@code unitPrice * quantity - discount}
 */
public record OrderLine(int lineNo, String sku, String productId, String name, int quantity, long unitPrice,
        long discount, long lineTotal) {

    public OrderLine {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity " + quantity + " of " + sku);
        }
        if (lineTotal != unitPrice * quantity - discount) {
            throw new IllegalArgumentException("line total of " + sku + " does not add up");
        }
    }
}
