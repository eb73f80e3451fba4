package io.tienda.order.orders;

import io.tienda.order.OrderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Takes the address of an erased customer's order that shipped longer ago than
 * {@code tienda.orders.erasure.shipped-address-retention} and was never marked delivered: keeping it while the
 * parcel is in transit is right, keeping it for ever is not. Safe on every replica: each order is locked with
 * SKIP LOCKED in a transaction of its own, and one another instance (or a delivery) holds is left to it.
 */
@Component
public class ErasureSweeper {

    private static final Logger log = LoggerFactory.getLogger(ErasureSweeper.class);

    private final Erasures erasures;
    private final int batch;

    ErasureSweeper(Erasures erasures, OrderProperties properties) {
        this.erasures = erasures;
        this.batch = properties.erasure().sweepBatch();
    }

    /** Answers how many orders lost their address. */
    @Scheduled(initialDelayString = "${tienda.orders.erasure.sweep-interval:15m}",
            fixedDelayString = "${tienda.orders.erasure.sweep-interval:15m}")
    public int sweep() {
        int erased = 0;
        try {
            for (UUID orderId : erasures.shippedAddressesDue(batch)) {
                try {
                    if (erasures.eraseShippedAddress(orderId)) {
                        erased++;
                    }
                } catch (RuntimeException e) {
                    // One order that fails must not hold up the others.
                    log.warn("the address of order {} could not be erased: {}", orderId, e.toString());
                }
            }
        } catch (RuntimeException e) {
            log.warn("sweeping the addresses of erased customers' shipped orders failed: {}", e.toString());
        }
        return erased;
    }
}
