package io.tienda.order.saga.domain;

/** What the participants confirmed so far, so that a compensation undoes exactly that. */
public enum Fact {
    STOCK_RESERVED,
    PAYMENT_AUTHORIZED,
    STOCK_COMMITTED,
    PAYMENT_CAPTURED,
    COUPON_REDEEMED,
    /**
     * payment-service refused (or its provider failed, at once or after it had succeeded) the refund of
     * this order's cancellation: asking
     * again with the same key would only replay that answer, so it is left to operations, with the
     * reason in the log and in {@code payment.refund_failed} on {@code payment.events}.
     */
    REFUND_REFUSED,
    /**
     * Staff paid the refund that was refused, or never confirmed, another way (a bank transfer), and said
     * so when they resolved the checkout: should the provider's refund still succeed, the shopper was paid
     * twice ({@link Attention#REFUND_PAID_TWICE}).
     */
    REFUND_SETTLED_ELSEWHERE
}
