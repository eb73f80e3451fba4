package io.tienda.returns.orders;

import io.tienda.returns.ReturnsProperties;
import io.tienda.returns.orders.domain.OrderBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets delivered orders nobody can return any more: past the return window and a month's grace,
 * and without a return, whose settlement would still need them. Without this every delivered order
 * of the shop's life stayed here. Idempotent, so every replica may run it.
 */
@Component
class DeliveredOrdersHousekeeping {

    /** Kept past the window for support's questions about a return that was not made in time. */
    static final Duration GRACE = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(DeliveredOrdersHousekeeping.class);

    private final OrderBook book;
    private final ReturnsProperties properties;
    private final Clock clock;

    DeliveredOrdersHousekeeping(OrderBook book, ReturnsProperties properties, Clock clock) {
        this.book = book;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void forgetUnreturnable() {
        try {
            forgetDeliveredBefore(clock.instant().minus(properties.window()).minus(GRACE));
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the next run tries again.
            log.warn("forgetting old delivered orders failed: {}", e.toString());
        }
    }

    int forgetDeliveredBefore(Instant cutoff) {
        int forgotten = book.forgetWithoutReturns(cutoff);
        if (forgotten > 0) {
            log.info("forgot {} delivered orders without a return, delivered before {}", forgotten, cutoff);
        }
        return forgotten;
    }
}
