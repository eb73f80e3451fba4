package io.tienda.cart.cart;

import io.tienda.cart.CartProperties;
import io.tienda.cart.cart.domain.CartId;
import io.tienda.cart.cart.domain.Carts;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What other services' facts do to carts: a confirmed order empties what it bought (a replacement order
 * bought nothing from a cart), and gives it back if its checkout then fails; an erasure deletes the cart.
 */
@Service
public class CartCleanup {

    private static final Logger log = LoggerFactory.getLogger(CartCleanup.class);

    private final Carts carts;
    private final CartProperties properties;

    CartCleanup(Carts carts, CartProperties properties) {
        this.carts = carts;
        this.properties = properties;
    }

    /**
     * Takes the ordered units out of the shopper's cart, once per event: lines added on another
     * device after the checkout snapshot stay. A replacement order (an exchange's free order, sent in
     * place of goods returned) never came from a cart, so it leaves the cart, its coupon and its version
     * as they are. Answers whether this delivery did it.
     */
    public boolean orderConfirmed(UUID eventId, OrderConfirmed order) {
        if (order.replacesOrderId() != null) {
            log.debug("order.confirmed {} is replacement order {}; no cart bought it", eventId, order.orderId());
            return false;
        }
        Map<String, Integer> ordered = new TreeMap<>();
        for (OrderLine line : order.lines()) {
            ordered.merge(line.sku(), line.quantity(), Integer::sum);
        }
        boolean applied = carts.removeOrdered(CartId.user(order.customerId()), eventId, order.orderId(), ordered,
                properties.inboxRetention(), properties.givesBackFor());
        if (!applied) {
            log.debug("order.confirmed {} of order {} was already applied", eventId, order.orderId());
        }
        return applied;
    }

    /**
     * A checkout that failed after its confirmation (the stock not committed, the payment not captured) gives
     * the shopper's cart back what the confirmation took out of it, once per event, so that they can try
     * again; lines changed meanwhile are added to. A cancellation by the customer or staff leaves the cart as
     * it is: they chose to. Answers the units given back, or -1 when this delivery changed nothing.
     */
    public int orderCancelled(UUID eventId, OrderCancelled order) {
        if (!order.byFailedCheckout()) {
            return -1;
        }
        OptionalInt given = carts.giveBack(CartId.user(order.customerId()), eventId, order.orderId(),
                properties.inboxRetention(), properties.givesBackFor());
        if (given.isEmpty()) {
            log.debug("order.cancelled {} of order {} was already applied", eventId, order.orderId());
            return -1;
        }
        if (given.getAsInt() > 0) {
            log.info("the failed checkout of order {} gave {} units back to the shopper's cart", order.orderId(),
                    given.getAsInt());
        }
        return given.getAsInt();
    }

    /** Deletion is idempotent in itself: a redelivery deletes nothing more. */
    public void userErased(UUID userId) {
        carts.erase(CartId.user(userId.toString()));
    }
}
