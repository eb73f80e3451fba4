package io.tienda.order.saga.domain;

/** What the participants confirmed so far, so that a compensation undoes exactly that. */
public enum Fact {
    STOCK_RESERVED,
    PAYMENT_AUTHORIZED,
    STOCK_COMMITTED,
    PAYMENT_CAPTURED,
    COUPON_REDEEMED
}
