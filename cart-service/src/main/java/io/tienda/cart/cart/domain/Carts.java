package io.tienda.cart.cart.domain;

import io.tienda.platform.messaging.OutboundMessage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** Carts as stored. Every change is atomic per cart and carries its events with it (the outbox). */
public interface Carts {

    /** The cart, or empty when there is none. */
    Optional<Cart> find(CartId id);

    /**
     * Stores {@code cart} if it is still at {@code cart.version()} (0: not stored yet), together with
     * {@code messages}, which are sent to Kafka later; renews the cart's time to live. False when
     * another writer got there first (nothing is written then) or the guest cart was merged meanwhile.
     */
    boolean save(Cart cart, Duration timeToLive, List<OutboundMessage> messages);

    /**
     * Marks a guest cart as merged into {@code customerId}'s, so that it takes no more changes.
     * Claiming again by the same shopper is allowed (a merge interrupted is repeated).
     */
    MergeClaim claim(CartId guest, String customerId);

    /** Empties a claimed guest cart, keeping only the mark of whom it was merged into for {@code keep}. */
    void retire(CartId guest, Duration keep);

    /**
     * Once per {@code eventId}: takes what order {@code orderId} bought out of the cart, and keeps what it
     * took (units and coupon) for {@code keepTaken}, for {@link #giveBack}. False for a repeated event.
     */
    boolean removeOrdered(CartId id, UUID eventId, UUID orderId, Map<String, Integer> ordered,
                          Duration rememberEvent, Duration keepTaken);

    /**
     * Once per {@code eventId}: puts back what {@link #removeOrdered} took for {@code orderId} within the last
     * {@code keepTaken}, added to the cart's lines within {@link CartLimits}, and its coupon unless the cart
     * has another. Answers the units given back: 0 when the order took nothing or the cart is gone; empty for
     * a repeated event.
     */
    OptionalInt giveBack(CartId id, UUID eventId, UUID orderId, Duration rememberEvent, Duration keepTaken);

    /**
     * Deletes everything stored about the cart, what orders took out of it included (not its pending events,
     * which are facts already).
     */
    void erase(CartId id);

    Map<String, PriceMemory> lastKnownPrices(CartId id);

    /** Remembers prices of a stored cart's lines; ignored when the cart no longer exists. */
    void rememberPrices(CartId id, List<PriceMemory> prices);
}
