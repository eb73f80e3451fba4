package io.tienda.product.review.domain;

/** Which reviews a list shows: shoppers see the visible ones; staff may ask for the hidden ones, or all. */
public enum Visibility {
    VISIBLE, HIDDEN, ALL
}
