package io.tienda.product.review;

import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.product.review.domain.Purchases;
import io.tienda.product.review.domain.Reviews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What order and user events mean for reviews: a confirmed order makes its customer's reviews of
 * its products verified purchases (now, or when they are written later); an erased user's reviews
 * lose their name and their purchases are forgotten, including those of orders whose confirmation
 * arrives after the erasure. Every step is idempotent, since events can arrive more than once.
 */
@Service
public class PurchaseHistory {

    private static final Logger log = LoggerFactory.getLogger(PurchaseHistory.class);

    private final Purchases purchases;
    private final Reviews reviews;
    private final Clock clock;

    PurchaseHistory(Purchases purchases, Reviews reviews, Clock clock) {
        this.purchases = purchases;
        this.reviews = reviews;
        this.clock = clock;
    }

    public void orderConfirmed(UUID eventId, OrderConfirmed order) {
        if (order.customerId() == null || order.customerId().isBlank() || order.lines() == null) {
            log.debug("order {} has no customer to credit with a purchase", order.orderId());
            return;
        }
        Map<String, Integer> units = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            if (line != null && line.productId() != null) {
                units.merge(line.productId(), Math.max(line.quantity(), 0), Integer::sum);
            }
        }
        if (units.isEmpty()) {
            return;
        }
        Instant at = order.confirmedAt() == null ? clock.instant() : order.confirmedAt();
        String orderId = order.orderId() == null ? null : order.orderId().toString();
        // purchases first: a review written meanwhile then finds the purchase when it looks again
        for (Map.Entry<String, Integer> line : units.entrySet()) {
            if (!purchases.record(order.customerId(), line.getKey(), line.getValue(), orderId, at, eventId)) {
                // user.erased comes on another topic and overtook this order: nothing of it is kept
                log.info("order {} of erased user {} is not recorded as a purchase", order.orderId(),
                        order.customerId());
                return;
            }
        }
        reviews.markVerified(order.customerId(), units.keySet());
    }

    public void userErased(String userId) {
        long anonymised = reviews.anonymise(userId);
        purchases.forget(userId, clock.instant());
        log.info("erased user {}: {} reviews anonymised", userId, anonymised);
    }
}
