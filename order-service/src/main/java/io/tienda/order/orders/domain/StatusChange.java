package io.tienda.order.orders.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One move in an order's life: from where (null when it was placed) to where, when, who made it (a
 * user id, or {@link #SAGA} for the checkout) and why.
 */
public record StatusChange(int seq, OrderStatus from, OrderStatus to, Instant at, String actor, String reason) {

    /** The actor of the moves the checkout saga makes. */
    public static final String SAGA = "checkout-saga";

    public StatusChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        if (reason != null && reason.length() > 1000) {
            reason = reason.substring(0, 1000);
        }
    }
}
