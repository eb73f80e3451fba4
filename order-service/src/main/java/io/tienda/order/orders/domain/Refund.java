package io.tienda.order.orders.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The money of a paid order that was cancelled, on its way back to the shopper: what the checkout that
 * cancelled it last reported, and when.
 *
 * @param amount minor units of the order's currency: what payment-service answered the refund was for, or
 *               the order's total until it answers. Less than the total when staff or a return refunded
 *               part of the order before it was cancelled.
 */
public record Refund(Status status, long amount, Instant updatedAt) {

    public Refund {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (amount < 0) {
            throw new IllegalArgumentException("a refund's amount is never negative: " + amount);
        }
    }

    /** The refund, paid: staff sent {@code paid} of it back another way. */
    public Refund paid(long paid, Instant at) {
        return new Refund(Status.REFUNDED, paid, at);
    }

    /** Where the refund stands, as a shopper may be told. */
    public enum Status {
        /** Asked for and not answered yet (or not answered in time: staff are on it). */
        PENDING,
        /** Sent back to the payment method the order was paid with. */
        REFUNDED,
        /** Refused, or handed back by the bank after it was made: staff settle it with the shopper. */
        FAILED
    }
}
