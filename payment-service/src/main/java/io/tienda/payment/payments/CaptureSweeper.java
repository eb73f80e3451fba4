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
import java.util.UUID;

/**
 * No authorisation is left to lapse: one nearing {@code capture_before} is captured if the saga
 * asked for the capture (the order is confirmed) and voided otherwise, and a capture, void or
 * refund whose provider call got no answer is asked again with its key. Every replica may run it:
 * each payment is decided under its row lock and every provider call is idempotent.
 */
@Component
class CaptureSweeper {

    private static final Logger log = LoggerFactory.getLogger(CaptureSweeper.class);
    /** A refund younger than this may still be waiting for its first answer. */
    private static final Duration REFUND_GRACE = Duration.ofSeconds(30);

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final PaymentSteps steps;
    private final Refunds refundService;
    private final Clock clock;
    private final PaymentProperties.Sweeper properties;

    CaptureSweeper(PaymentRepository payments, RefundRepository refunds, PaymentSteps steps, Refunds refundService,
            Clock clock, PaymentProperties properties) {
        this.payments = payments;
        this.refunds = refunds;
        this.steps = steps;
        this.refundService = refundService;
        this.clock = clock;
        this.properties = properties.sweeper();
    }

    @Scheduled(initialDelayString = "${tienda.payments.sweeper.interval:60s}",
            fixedDelayString = "${tienda.payments.sweeper.interval:60s}")
    void sweep() {
        int handled = 0;
        try {
            Instant now = clock.instant();
            Instant horizon = now.plus(properties.margin());
            for (UUID id : payments.dueForSweep(horizon, properties.batch())) {
                steps.sweep(id, horizon);
                handled++;
            }
            for (UUID id : refunds.unacknowledged(now.minus(REFUND_GRACE), properties.batch())) {
                refundService.retry(id);
                handled++;
            }
        } catch (RuntimeException e) {
            // The database or the provider may be briefly unreachable; the next run carries on.
            log.warn("payment sweep stopped after {}: {}", handled, e.toString());
        }
        if (handled > 0) {
            log.info("payment sweep handled {} authorisations and refunds", handled);
        }
    }
}
