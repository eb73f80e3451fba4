package io.tienda.returns.orders.domain;

/**
 * Units of one SKU as the customer bought them.
 *
 * @param unitPrice the catalog price of one unit, in minor units of the order's currency
 * @param paid      what the customer paid for all {@code quantity} units, after offers and the coupon
 */
public record OrderedLine(String sku, String productId, String name, int quantity, long unitPrice, long paid) {

    /**
     * What the customer paid for the first {@code units} of these units: the line's total spread evenly,
     * whole minor units, with what does not divide carried by the last ones, so that all of them
     * together cost exactly {@link #paid}.
     */
    public long paidFor(int units) {
        return Math.multiplyExact(paid, (long) units) / quantity;
    }
}
