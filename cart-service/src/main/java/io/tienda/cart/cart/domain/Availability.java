package io.tienda.cart.cart.domain;

/** Whether a line can be bought, as far as the catalog's last answer says. */
public enum Availability {
    /** Sold and in stock. */
    IN_STOCK,
    /** Sold, but no unit is available now: flagged, never dropped; checkout refuses it. */
    SOLD_OUT,
    /** The SKU is not sold (unknown or its product inactive); left out of the totals. */
    UNAVAILABLE,
    /** The catalog could not be asked (the line shows a remembered price, or none). */
    UNKNOWN
}
