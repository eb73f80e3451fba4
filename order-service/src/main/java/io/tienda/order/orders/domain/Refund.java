package io.tienda.order.orders.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The money of a paid order that was cancelled, on its way back to the shopper: what the checkout that
 * cancelled it last reported, and when.
 */
public record Refund(Status status, Instant updatedAt) {

    public Refund {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
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
