package io.tienda.inventory.warehouse;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Completes the availability recomputes that closes and reopens left unfinished: at start (an
 * instance that crashed or stopped half-way), then every {@code recompute-sweep-interval} (a batch
 * that failed, an instance that died while another keeps running). Every replica may run it: a
 * warehouse whose batch another instance is running is skipped, and the cursor it moves is shared.
 */
@Component
class RecomputeSweeper {

    private final AvailabilityRecompute recompute;

    RecomputeSweeper(AvailabilityRecompute recompute) {
        this.recompute = recompute;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        recompute.resumeAll();
    }

    @Scheduled(initialDelayString = "${tienda.inventory.warehouses.recompute-sweep-interval:1m}",
            fixedDelayString = "${tienda.inventory.warehouses.recompute-sweep-interval:1m}")
    void sweep() {
        recompute.resumeAll();
    }
}
