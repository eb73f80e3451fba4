package io.tienda.platform.events.saga;

import io.tienda.platform.events.Money;

/**
 * A line of an order as priced at checkout: what analytics, mail and returns need to know.
 *
 * @param unitPrice the catalog price of one unit
 * @param lineTotal what the shopper paid for the whole line: {@code unitPrice} times the quantity, less
 *                  what offers and the coupon took off it; what a return of these units can give back.
 *                  Absent from events published before it was carried
 */
public record OrderLine(String sku, String productId, String name, int quantity, Money unitPrice, Money lineTotal) {

    /** A line nothing was taken off: it cost its units at their catalog price. */
    public OrderLine(String sku, String productId, String name, int quantity, Money unitPrice) {
        this(sku, productId, name, quantity, unitPrice, unitPrice == null ? null : unitPrice.times(quantity));
    }
}
