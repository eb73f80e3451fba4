package io.tienda.cart.cart.domain;

/** What happened when a signed-in shopper claimed a guest cart for merging. */
public enum MergeClaim {
    /** The guest cart is now theirs (or already was, and a merge may have been interrupted). */
    CLAIMED,
    /** No guest cart has this token (never issued, or expired). */
    NONE,
    /** The guest cart was merged into someone else's cart. */
    TAKEN
}
