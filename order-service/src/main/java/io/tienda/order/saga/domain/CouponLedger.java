package io.tienda.order.saga.domain;

import io.tienda.platform.events.Money;

import java.util.UUID;

/** Where coupon uses are counted (product-service). Both calls are idempotent by order id. */
public interface CouponLedger {

    /** Records the order's use of the coupon. */
    Outcome redeem(String code, UUID orderId, String customerId, Money orderTotal);

    /** Gives the order's use back; fine when there was none. */
    Outcome release(String code, UUID orderId);

    /** How a call went: done, refused for good (the coupon is exhausted, say), or worth trying again. */
    enum Outcome {
        DONE,
        REFUSED,
        RETRY
    }
}
