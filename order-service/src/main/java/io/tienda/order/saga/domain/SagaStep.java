package io.tienda.order.saga.domain;

/** Where a checkout saga is: one forward step at a time, then compensating, then ended. */
public enum SagaStep {
    /** inventory.reserve sent; awaiting stock_reserved or stock_rejected. */
    RESERVING_STOCK,
    /** payment.authorize sent; awaiting authorized, failed or (3-D Secure) the shopper's action. */
    AUTHORIZING_PAYMENT,
    /** The order is CONFIRMED; inventory.commit sent, awaiting stock_committed or stock_rejected. */
    COMMITTING_STOCK,
    /** payment.capture sent (and product.redeem_coupon, when the order has a coupon); awaiting payment.captured. */
    CAPTURING_PAYMENT,
    /** The order is over (cancelled or rejected); awaiting the acknowledgements of its compensations. */
    COMPENSATING,
    /** Nothing is awaited any more. */
    ENDED
}
