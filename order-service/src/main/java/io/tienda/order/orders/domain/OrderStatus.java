package io.tienda.order.orders.domain;

/**
 * Where an order is in its life. {@code PENDING} while the checkout saga runs; it ends
 * {@code REJECTED} (no stock), {@code CANCELLED} (payment failed, or the customer cancelled before
 * shipping) or {@code CONFIRMED}, which later moves on to {@code SHIPPED} and {@code DELIVERED}.
 */
public enum OrderStatus {
    PENDING,
    REJECTED,
    CANCELLED,
    CONFIRMED,
    SHIPPED,
    DELIVERED
}
