package io.tienda.order.orders.domain;

import java.util.Collection;
import java.util.UUID;

/**
 * Copies other features keep of what a customer wrote about one of their orders: checkouts cancelled before
 * the customer's words were kept to the order's history kept them as the reason of the cancellation they
 * undid, and show it to staff. When the customer erases their account, each copy goes with the original.
 */
public interface CustomerTextCopies {

    /**
     * Locks the copies of these orders until the transaction ends. Called before the orders are locked: the
     * checkout locks its row before it changes the order, and taking them the other way round would deadlock.
     */
    void lock(Collection<UUID> orderIds);

    /** The copy of {@code text} the order keeps, if any, reads {@code replacement} from now on. */
    void replace(UUID orderId, String text, String replacement);
}
