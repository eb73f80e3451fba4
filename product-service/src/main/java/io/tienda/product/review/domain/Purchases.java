package io.tienda.product.review.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Who bought which product, learnt from {@code order.confirmed}: what makes a review a verified
 * purchase. Keyed by user and product; the units bought add up once per event.
 */
public interface Purchases {

    /** Records that the order confirmed by event {@code eventId} had {@code units} of the product; once per event. */
    void record(String userId, String productId, int units, String orderId, Instant at, UUID eventId);

    boolean bought(String userId, String productId);

    /** Forgets what an erased user bought. */
    void forget(String userId);
}
