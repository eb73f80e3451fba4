package io.tienda.inventory.reservation;

import io.tienda.inventory.InventoryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back the stock of checkouts that never finished. Every replica may run it: each batch
 * skips the reservations another transaction holds, so two sweepers never release one twice, and
 * a commit in progress is never raced.
 */
@Component
class ExpirySweeper {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

    private final Reservations reservations;
    private final int batch;

    ExpirySweeper(Reservations reservations, InventoryProperties properties) {
        this.reservations = reservations;
        this.batch = properties.reservations().sweepBatch();
    }

    @Scheduled(initialDelayString = "${tienda.inventory.reservations.sweep-interval:30s}",
            fixedDelayString = "${tienda.inventory.reservations.sweep-interval:30s}")
    void sweep() {
        int total = 0;
        try {
            int released;
            do {
                released = reservations.expireBatch(batch);
                total += released;
            } while (released == batch);
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the next run carries on where this one stopped.
            log.warn("releasing expired reservations failed after {}: {}", total, e.toString());
        }
        if (total > 0) {
            log.info("released {} expired reservations", total);
        }
    }
}
