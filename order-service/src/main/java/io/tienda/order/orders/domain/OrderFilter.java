package io.tienda.order.orders.domain;

import java.time.Instant;

/**
 * Which orders a list shows; every criterion is optional.
 *
 * @param from placed at or after
 * @param to   placed before
 */
public record OrderFilter(String customerId, OrderStatus status, Instant from, Instant to) {
}
