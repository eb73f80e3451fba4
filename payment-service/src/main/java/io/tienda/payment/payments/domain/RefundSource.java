package io.tienda.payment.payments.domain;

/** Who asked for a refund. */
public enum RefundSource {
    /** order-service's saga, by a {@code payment.refund} command. */
    SAGA,
    /** A manager or administrator, through the staff endpoint. */
    STAFF,
    /** Made outside the platform (e.g. in Stripe's dashboard) and learned from a webhook. */
    PROVIDER,
    /**
     * Paid back without the provider (a bank transfer staff made when its refund failed), learned from
     * order-service's {@code order.refund_settled}; settled when recorded, never sent to the provider.
     */
    OUTSIDE
}
