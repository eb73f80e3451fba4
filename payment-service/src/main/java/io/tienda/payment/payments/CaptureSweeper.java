package io.tienda.payment.payments;

import io.tienda.payment.PaymentProperties;
import io.tienda.payment.payments.persistence.PaymentRepository;
import io.tienda.payment.payments.persistence.RefundRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * No authorisation is left to lapse: one nearing {@code capture_before} is captured if the saga
 * asked for the capture (the order is confirmed) and voided otherwise, and a capture, void or
 * refund whose provider call got no answer is asked again with its key. Work asked of the provider
 * within {@link PaymentProperties#providerCallWindow()} is left alone: its call may still be under
 * way, and a second call with the same key while the first runs is refused by Stripe (409). Every
 * replica may run it: each payment is claimed under its row lock and every provider call is
 * idempotent.
 */
@Component
class CaptureSweeper {

    private static final Logger log = LoggerFactory.getLogger(CaptureSweeper.class);

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final PaymentSteps steps;
    private final Refunds refundService;
    private final Clock clock;
    private final PaymentProperties.Sweeper properties;
    private final Duration callWindow;

    CaptureSweeper(PaymentRepository payments, RefundRepository refunds, PaymentSteps steps, Refunds refundService,
            Clock clock, PaymentProperties properties) {
        this.payments = payments;
        this.refunds = refunds;
        this.steps = steps;
        this.refundService = refundService;
        this.clock = clock;
        this.properties = properties.sweeper();
        this.callWindow = properties.providerCallWindow();
    }

    @Scheduled(initialDelayString = "${tienda.payments.sweeper.interval:60s}",
            fixedDelayString = "${tienda.payments.sweeper.interval:60s}")
    void sweep() {
        int handled = 0;
        int failed = 0;
        Instant now = clock.instant();
        Instant horizon = now.plus(properties.margin());
        Instant quietSince = now.minus(callWindow);
        for (UUID id : due(() -> payments.dueForSweep(horizon, quietSince, properties.batch()))) {
            if (attempt("payment", id, () -> steps.sweep(id, horizon, quietSince))) {
                handled++;
            } else {
                failed++;
            }
        }
        for (UUID id : due(() -> refunds.unacknowledged(quietSince, properties.batch()))) {
            if (attempt("refund", id, () -> refundService.retry(id, quietSince))) {
                handled++;
            } else {
                failed++;
            }
        }
        if (handled > 0 || failed > 0) {
            log.info("payment sweep handled {} authorisations and refunds, {} failed", handled, failed);
        }
    }

    private List<UUID> due(Supplier<List<UUID>> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the next run carries on.
            log.warn("payment sweep could not list its work: {}", e.toString());
            return List.of();
        }
    }

    /** One payment or refund; its failure is logged and must not hold up the others of the run. */
    private boolean attempt(String what, UUID id, Runnable work) {
        try {
            work.run();
            return true;
        } catch (RuntimeException e) {
            log.warn("payment sweep could not handle {} {}: {}", what, id, e.toString());
            return false;
        }
    }
}
