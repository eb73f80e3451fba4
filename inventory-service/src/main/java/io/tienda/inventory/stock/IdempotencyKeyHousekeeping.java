package io.tienda.inventory.stock;

import io.tienda.inventory.InventoryProperties;
import io.tienda.inventory.stock.persistence.IdempotencyKeyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Forgets Idempotency-Keys after their retention: nobody retries a receipt a week later. */
@Component
class IdempotencyKeyHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyHousekeeping.class);

    private final IdempotencyKeyRepository keys;
    private final InventoryProperties properties;
    private final Clock clock;

    IdempotencyKeyHousekeeping(IdempotencyKeyRepository keys, InventoryProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void forgetOldKeys() {
        try {
            int deleted = keys.deleteOlderThan(clock.instant().minus(properties.idempotency().retention()));
            if (deleted > 0) {
                log.info("forgot {} idempotency keys older than {}", deleted, properties.idempotency().retention());
            }
        } catch (RuntimeException e) {
            log.warn("forgetting old idempotency keys failed: {}", e.toString());
        }
    }
}
