package io.tienda.order.orders.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where orders are kept. Every feature that changes an order goes through this port. */
public interface Orders {

    /** Stores a new order with its lines and history; answers it with its number. */
    Order insert(Order order);

    /**
     * Stores the order's new state and the history it has not stored yet. Refuses with an
     * optimistic-locking failure when someone else changed it since it was read.
     */
    Order save(Order order);

    Optional<Order> find(UUID id);

    /** The stored version of each of these orders that exists. */
    Map<UUID, Long> versions(Collection<UUID> ids);

    /** The orders of these ids that exist, in no particular order. */
    List<Order> findAll(Collection<UUID> ids);

    /** Marks a stored order as the free replacement of {@code originalOrderId}, with the return's reference. */
    void markReplacement(UUID orderId, UUID originalOrderId, String reference);

    /** The order that {@code orderId} replaces, when it is a replacement order; empty for any other order. */
    Optional<ReplacedOrder> findReplaced(UUID orderId);

    Optional<Order> findByIdempotencyKey(String customerId, String idempotencyKey);

    List<Order> search(OrderFilter filter, long offset, int limit);

    long count(OrderFilter filter);
}
