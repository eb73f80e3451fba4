package io.tienda.order.orders.domain;

import io.tienda.platform.core.Transitions;

/**
 * Where an order is in its life. {@code PENDING} while the checkout saga runs; it ends
 * {@code REJECTED} (no stock), {@code CANCELLED} (payment failed, a step timed out, or the customer
 * or staff cancelled before shipping) or {@code CONFIRMED}, which later moves on to {@code SHIPPED}
 * and {@code DELIVERED}.
 */
public enum OrderStatus {
    PENDING,
    REJECTED,
    CANCELLED,
    CONFIRMED,
    SHIPPED,
    DELIVERED;

    /** The only moves an order makes; {@link Order} refuses every other. */
    static final Transitions<OrderStatus> MOVES = Transitions.of(OrderStatus.class)
            .allow(PENDING, CONFIRMED, REJECTED, CANCELLED)
            .allow(CONFIRMED, SHIPPED, CANCELLED)
            .allow(SHIPPED, DELIVERED);

    /** Whether the order has reached an end: nothing more happens to it. */
    public boolean isFinal() {
        return MOVES.isFinal(this);
    }

    public boolean canMoveTo(OrderStatus next) {
        return MOVES.allows(this, next);
    }
}
