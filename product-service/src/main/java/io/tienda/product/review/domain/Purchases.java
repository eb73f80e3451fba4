package io.tienda.product.review.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who bought which product, learnt from {@code order.confirmed} and {@code order.cancelled}: what makes a
 * review a verified purchase. Keyed by user and product, with the orders that bought it; the units bought
 * add up once per event, and a cancelled order's are taken off again. An erased user is remembered, so
 * that an order of theirs arriving after the erasure records nothing, and so is a cancelled order, so that
 * its confirmation arriving after the cancellation records nothing.
 */
public interface Purchases {

    /**
     * Records that the order confirmed by event {@code eventId} had {@code units} of the product; once per
     * event. False, keeping nothing, when the user is {@linkplain #forget erased} or the order
     * {@linkplain #cancel cancelled}, before or while this runs.
     */
    boolean record(String userId, String productId, int units, String orderId, Instant at, UUID eventId);

    /**
     * Takes the user's order back: the order is remembered as cancelled (among the user's last cancelled
     * orders), so that it is not recorded when its confirmation arrives later or again, and what it bought
     * is taken off their purchases; a product bought in no other order is no longer bought. Idempotent.
     * Returns the products whose purchase lost the order.
     */
    Set<String> cancel(String userId, String orderId, Instant at);

    boolean bought(String userId, String productId);

    /**
     * The other products bought by customers who bought {@code productId}, most shared buyers first (ties by
     * id): at most {@code max}, each with at least {@code minBuyers} buyers in common. Only the
     * {@code buyersScanned} customers who bought {@code productId} last are looked at, so a best seller
     * costs no more than a niche product.
     */
    List<String> boughtAlongside(String productId, int minBuyers, int buyersScanned, int max);

    /**
     * Forgets what an erased user bought, for good: the user id is kept as erased (from {@code at}), and
     * their purchases recorded later are not kept.
     */
    void forget(String userId, Instant at);
}
