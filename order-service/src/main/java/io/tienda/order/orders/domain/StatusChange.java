package io.tienda.order.orders.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One move in an order's life: from where (null when it was placed) to where, when, who made it (a
 * user id, or {@link #SAGA} for the checkout) and why.
 */
public record StatusChange(int seq, OrderStatus from, OrderStatus to, Instant at, String actor, String reason) {

    /** The actor of the moves the checkout saga makes. */
    public static final String SAGA = "checkout-saga";

    /** The reason of the move that placed an order. */
    public static final String PLACED = "placed";

    /** The reason of a cancellation when the customer gave none. */
    public static final String CANCELLED_BY_CUSTOMER = "cancelled by customer";

    /** The reason of a cancellation when staff gave none. */
    public static final String CANCELLED_BY_STAFF = "cancelled by staff";

    /** What a reason the customer wrote reads once they erased their account. */
    public static final String ERASED = "erased";

    /** The reasons the service writes on the customer's own moves: not their words, so an erasure keeps them. */
    public static final List<String> WRITTEN_BY_THE_SERVICE = List.of(PLACED, CANCELLED_BY_CUSTOMER,
            CANCELLED_BY_STAFF, ERASED);

    public StatusChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        if (reason != null && reason.length() > 1000) {
            reason = reason.substring(0, 1000);
        }
    }

    /**
     * Whether the reason is what the customer wrote: a move they made themselves (a cancellation's reason,
     * the only text they give after placing the order) whose reason the service did not write for them.
     * Staff's and the checkout's moves have other actors and are never the customer's words.
     */
    public boolean isWrittenBy(String customerId) {
        return isCustomersWords(customerId, actor, reason);
    }

    /** Whether {@code reason}, given by {@code actor} for a move of {@code customerId}'s order, is their words. */
    public static boolean isCustomersWords(String customerId, String actor, String reason) {
        return Objects.equals(actor, customerId) && reason != null && !WRITTEN_BY_THE_SERVICE.contains(reason);
    }

    /** This move with the customer's words replaced by {@value #ERASED}; any other move as it is. */
    public StatusChange erasedFor(String customerId) {
        return isWrittenBy(customerId) ? new StatusChange(seq, from, to, at, actor, ERASED) : this;
    }
}
