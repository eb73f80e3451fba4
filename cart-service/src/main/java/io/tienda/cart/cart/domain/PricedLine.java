package io.tienda.cart.cart.domain;

import io.tienda.cart.pricing.domain.QuotedLine;

/**
 * A cart line with its price: {@code price} is the catalog's answer now, or the remembered one when
 * {@code stale}, or null when the line was never priced.
 */
public record PricedLine(String sku, int quantity, QuotedLine price, Availability availability, boolean stale) {

    /** Counts towards the totals: priced, and sold. */
    public boolean priced() {
        return price != null && price.available() && price.unitPrice() != null;
    }
}
