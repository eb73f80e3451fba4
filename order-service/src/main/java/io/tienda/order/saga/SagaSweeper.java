package io.tienda.order.saga;

import io.tienda.order.OrderProperties;
import io.tienda.order.saga.persistence.SagaRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Acts on sagas past their deadline: asks a silent participant again, compensates a step that never
 * answered, resends unacknowledged compensations. It is also how a restarted service resumes: every
 * saga's state and deadline are in PostgreSQL, and unsent commands are resubmitted by the outbox.
 * Safe on every replica: each saga is locked with SKIP LOCKED in a transaction of its own.
 */
@Component
public class SagaSweeper {

    private static final Logger log = LoggerFactory.getLogger(SagaSweeper.class);

    private final CheckoutSagas sagas;
    private final SagaRepository repository;
    private final Clock clock;
    private final int batch;

    SagaSweeper(CheckoutSagas sagas, SagaRepository repository, Clock clock, OrderProperties properties) {
        this.sagas = sagas;
        this.repository = repository;
        this.clock = clock;
        this.batch = properties.saga().sweepBatch();
    }

    @Scheduled(initialDelayString = "${tienda.orders.saga.sweep-interval:5s}",
            fixedDelayString = "${tienda.orders.saga.sweep-interval:5s}")
    public int sweep() {
        int handled = 0;
        try {
            for (UUID orderId : repository.due(clock.instant(), batch)) {
                try {
                    if (sagas.onDeadline(orderId)) {
                        handled++;
                    }
                } catch (RuntimeException e) {
                    // One saga that fails (a conflicting update, say) must not hold up the others.
                    log.warn("checkout saga of order {} could not act on its deadline: {}", orderId, e.toString());
                }
            }
        } catch (RuntimeException e) {
            log.warn("sweeping checkout sagas failed: {}", e.toString());
        }
        return handled;
    }
}
