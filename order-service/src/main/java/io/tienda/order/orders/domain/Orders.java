package io.tienda.order.orders.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where orders are kept. Every feature that changes an order goes through this port. */
public interface Orders {

    /** Stores a new order with its lines and history; answers it with its number. */
    default Order insert(Order order) {
        return insert(order, null);
    }

    /**
     * The same, for an order placed from the cart contents {@code cartContentsId} (null: not known). The store
     * holds one order per contents id that is not {@link OrderStatus#REJECTED} or {@link OrderStatus#CANCELLED}:
     * a second is refused with a duplicate-key failure, however many are inserted at once.
     */
    Order insert(Order order, UUID cartContentsId);

    /**
     * Stores the order's new state and the history it has not stored yet. Refuses with an
     * optimistic-locking failure when someone else changed it since it was read. An order that ends
     * ({@link OrderStatus#isFinal}) after its customer erased their account loses its address and the
     * reasons its customer wrote in the same transaction, and is answered so ({@link Order#withAddressErased},
     * {@link Order#withCustomerTextErased}).
     */
    Order save(Order order);

    /**
     * The customer erased their account: records it, so that each of their orders still under way loses its
     * address (and the reasons they wrote) when it ends ({@link #save}), and erases them at once from each
     * that has ended, and from each still {@link OrderStatus#SHIPPED} that shipped before {@code shippedBefore}.
     * Nothing changes when it was recorded before.
     */
    CustomerErasure eraseCustomer(String customerId, Instant erasedAt, Instant now, Instant shippedBefore);

    /** Whether the customer erased their account. */
    boolean isErased(String customerId);

    /** The ids of the customer's orders. */
    List<UUID> idsOf(String customerId);

    /**
     * Orders of erased customers still {@link OrderStatus#SHIPPED} that shipped before {@code shippedBefore} and
     * still have their address, the longest shipped first.
     */
    List<UUID> shippedAddressesDue(Instant shippedBefore, int limit);

    /**
     * Erases the address of one of {@link #shippedAddressesDue}, unless it no longer is one or another
     * transaction holds it (another instance's sweep, a delivery being stored): that one is skipped, not
     * waited for. Answers whether it was erased.
     */
    boolean eraseShippedAddress(UUID id, Instant shippedBefore, Instant now);

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

    /**
     * The customer's order still {@link OrderStatus#PENDING} that was placed from the same cart with the same
     * goods ({@link Order#cartContents}) as {@code order}; empty for an order from no cart. The store holds at
     * most one: {@link #insert} refuses a second with a duplicate-key failure, however many are inserted at once.
     */
    Optional<Order> findPendingFromSameCart(Order order);

    /**
     * The customer's order placed from these cart contents ({@link #insert(Order, UUID)}) that was not rejected
     * or cancelled; empty when there is none or {@code cartContentsId} is null.
     */
    Optional<Order> findPlacedFromCartContents(String customerId, String cartId, UUID cartContentsId);

    List<Order> search(OrderFilter filter, long offset, int limit);

    long count(OrderFilter filter);
}
