package io.tienda.order.saga.domain;

/** Undoing commands the saga sent and awaits an acknowledgement of. */
public enum Compensation {
    /** inventory.release, acknowledged by inventory.stock_released. */
    RELEASE_STOCK,
    /** payment.void, acknowledged by payment.voided. */
    VOID_PAYMENT,
    /** payment.refund, acknowledged by payment.refunded. */
    REFUND_PAYMENT
}
