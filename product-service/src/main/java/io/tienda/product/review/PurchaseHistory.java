package io.tienda.product.review;

import io.tienda.platform.events.saga.OrderCancelled;
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
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What order and user events mean for reviews: a confirmed order makes its customer's reviews of
 * its products verified purchases (now, or when they are written later); a cancelled order is taken
 * back, and a review of a product no other order bought is no longer verified; an exchange's
 * replacement order buys nothing, its goods were bought with the order it replaces. An erased user's
 * reviews lose their name and their purchases are forgotten, including those of orders whose
 * confirmation arrives after the erasure. Every step is idempotent, since events can arrive more than once.
 */
@Service
public class PurchaseHistory {

    private static final Logger log = LoggerFactory.getLogger(PurchaseHistory.class);

    private final Purchases purchases;
    private final Reviews reviews;
    private final ReviewVerification verification;
    private final Clock clock;

    PurchaseHistory(Purchases purchases, Reviews reviews, ReviewVerification verification, Clock clock) {
        this.purchases = purchases;
        this.reviews = reviews;
        this.verification = verification;
        this.clock = clock;
    }

    public void orderConfirmed(UUID eventId, OrderConfirmed order) {
        if (order.customerId() == null || order.customerId().isBlank() || order.lines() == null) {
            log.debug("order {} has no customer to credit with a purchase", order.orderId());
            return;
        }
        if (order.orderId() == null) {
            log.debug("an order of {} names no order id, so it could not be cancelled: not a purchase",
                    order.customerId());
            return;
        }
        if (order.replacesOrderId() != null) {
            log.debug("replacement order {} records no purchase: its goods were bought with order {}",
                    order.orderId(), order.replacesOrderId());
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
        String orderId = order.orderId().toString();
        // purchases first: a review written meanwhile then finds the purchase when it looks again
        for (Map.Entry<String, Integer> line : units.entrySet()) {
            if (!purchases.record(order.customerId(), line.getKey(), line.getValue(), orderId, at, eventId)) {
                // user.erased (another topic) or the order's cancellation overtook this order: nothing of it is kept
                log.info("order {} of user {}, erased or cancelled, is not recorded as a purchase", order.orderId(),
                        order.customerId());
                // what was written meanwhile is taken off again, and a review may have seen it as a purchase
                units.keySet().forEach(productId -> verification.align(order.customerId(), productId));
                return;
            }
        }
        reviews.markVerified(order.customerId(), units.keySet());
        // a cancellation of the order may have unmarked them between the purchase and the mark
        units.keySet().forEach(productId -> verification.settle(order.customerId(), productId, true));
    }

    public void orderCancelled(OrderCancelled order) {
        if (order.customerId() == null || order.customerId().isBlank() || order.orderId() == null) {
            log.debug("cancelled order {} has no customer whose purchases it could change", order.orderId());
            return;
        }
        Set<String> products = new LinkedHashSet<>(
                purchases.cancel(order.customerId(), order.orderId().toString(), clock.instant()));
        // the order's lines too: a cancellation delivered again after a crash between the purchases and the
        // reviews finds no purchase left to take off, yet must still unmark the reviews
        if (order.lines() != null) {
            order.lines().stream().filter(line -> line != null && line.productId() != null)
                    .forEach(line -> products.add(line.productId()));
        }
        products.forEach(productId -> verification.align(order.customerId(), productId));
    }

    public void userErased(String userId) {
        long anonymised = reviews.anonymise(userId);
        purchases.forget(userId, clock.instant());
        log.info("erased user {}: {} reviews anonymised", userId, anonymised);
    }
}
