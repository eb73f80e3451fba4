package io.tienda.order.orders.domain;

import java.util.Objects;

/**
 * What an order costs, in integer minor units of one ISO 4217 currency. The invariant
 * {@code total = subtotal - discount + shipping + tax} is also a constraint of the table.
 */
public record OrderTotals(String currency, long subtotal, long discount, long shipping, long tax, long total) {

    public OrderTotals {
        Objects.requireNonNull(currency, "currency");
        if (total != subtotal - discount + shipping + tax) {
            throw new IllegalArgumentException("total " + total + " does not add up");
        }
    }
}
