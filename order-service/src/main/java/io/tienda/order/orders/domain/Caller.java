package io.tienda.order.orders.domain;

import io.tienda.platform.problem.DomainException;

import java.util.Objects;

/** Who asks: a user id, and whether they are staff (SUPPORT, MANAGER, ADMIN). */
public record Caller(String id, boolean staff) {

    public Caller {
        Objects.requireNonNull(id, "id");
    }

    /**
     * The owner and staff reach the order; for anyone else it does not exist (404), so that order
     * ids reveal nothing.
     */
    public Order requireAccess(Order order) {
        if (staff || id.equals(order.customerId())) {
            return order;
        }
        throw DomainException.notFound("order", order.id());
    }
}
