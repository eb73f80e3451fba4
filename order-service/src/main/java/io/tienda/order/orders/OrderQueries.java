package io.tienda.order.orders;

import io.tienda.order.orders.domain.Caller;
import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.domain.OrderFilter;
import io.tienda.order.orders.domain.Orders;
import io.tienda.order.orders.domain.ReplacedOrder;
import io.tienda.platform.core.Page;
import io.tienda.platform.problem.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.UUID;

/** Reading orders: a customer their own, staff everyone's. */
@Service
public class OrderQueries {

    private final Orders orders;

    OrderQueries(Orders orders) {
        this.orders = orders;
    }

    /** The order, for its owner and staff; 404 for everyone else. */
    @Transactional(readOnly = true)
    public Order get(UUID id, Caller caller) {
        return caller.requireAccess(orders.find(id).orElseThrow(() -> DomainException.notFound("order", id)));
    }

    /**
     * What the order replaces when it is a replacement order (an exchange); empty for any other order.
     * For an order the caller was already allowed to read or change.
     */
    @Transactional(readOnly = true)
    public Optional<ReplacedOrder> replaced(UUID orderId) {
        return orders.findReplaced(orderId);
    }

    /**
     * Orders matching the filter, newest first. A customer sees only their own: naming another
     * customer finds nothing to them (404), as with any other resource.
     */
    @Transactional(readOnly = true)
    public Page<Order> list(OrderFilter filter, Caller caller, int page, int size) {
        OrderFilter allowed = filter;
        if (!caller.staff()) {
            if (filter.customerId() != null && !filter.customerId().equals(caller.id())) {
                throw DomainException.notFound("customer", filter.customerId());
            }
            allowed = new OrderFilter(caller.id(), filter.status(), filter.from(), filter.to());
        }
        if (allowed.from() != null && allowed.to() != null && !allowed.from().isBefore(allowed.to())) {
            throw DomainException.invalid("from must be before to");
        }
        return new Page<>(orders.search(allowed, Page.offset(page, size), size), page, size, orders.count(allowed));
    }
}
