package io.tienda.order.orders.domain;

import java.util.Objects;

/**
 * What an order costs, in integer minor units of one ISO 4217 currency. The invariant
 * {@code total = subtotal - discount + shipping + tax} (tax only when prices exclude it) is also a
 * constraint of the table.
 */
public record OrderTotals(String currency, long subtotal, long discount, long shipping, long tax,
        boolean taxIncluded, long total) {

    public OrderTotals {
        Objects.requireNonNull(currency, "currency");
        if (total != subtotal - discount + shipping + (taxIncluded ? 0 : tax)) {
            throw new IllegalArgumentException("total " + total + " does not add up");
        }
    }

    /** Totals of prices that exclude tax. */
    public OrderTotals(String currency, long subtotal, long discount, long shipping, long tax, long total) {
        this(currency, subtotal, discount, shipping, tax, false, total);
    }
}
