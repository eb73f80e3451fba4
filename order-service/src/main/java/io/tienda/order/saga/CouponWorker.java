package io.tienda.order.saga;

import io.tienda.order.OrderProperties;
import io.tienda.order.saga.domain.CouponLedger;
import io.tienda.order.saga.persistence.CouponTaskRepository;
import io.tienda.order.saga.persistence.CouponTaskRepository.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Carries out coupon tasks the saga queued: redeems the coupon of a paid order, gives it back when
 * the order is cancelled. Both calls are idempotent by order id at product-service, so a task that
 * is tried again after a crash does no harm. A redemption product-service refuses (the coupon ran
 * out in a race) is recorded FAILED and logged: the shopper keeps the discount they were shown.
 */
@Component
class CouponWorker {

    private static final Logger log = LoggerFactory.getLogger(CouponWorker.class);

    private final CouponTaskRepository tasks;
    private final CouponLedger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OrderProperties.Coupons properties;

    CouponWorker(CouponTaskRepository tasks, CouponLedger ledger, TransactionTemplate transactions, Clock clock,
            OrderProperties properties) {
        this.tasks = tasks;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties.coupons();
    }

    @Scheduled(initialDelayString = "${tienda.orders.coupons.poll-interval:5s}",
            fixedDelayString = "${tienda.orders.coupons.poll-interval:5s}")
    void work() {
        try {
            for (UUID orderId : tasks.due(clock.instant(), 50)) {
                transactions.executeWithoutResult(status -> tasks.lockNext(orderId, clock.instant()).ifPresent(this::run));
            }
        } catch (RuntimeException e) {
            log.warn("coupon tasks failed: {}", e.toString());
        }
    }

    private void run(Task task) {
        Instant now = clock.instant();
        CouponLedger.Outcome outcome = "REDEEM".equals(task.action())
                ? ledger.redeem(task.code(), task.orderId(), task.customerId(), task.orderTotal())
                : ledger.release(task.code(), task.orderId());
        switch (outcome) {
            case DONE -> tasks.finish(task, "DONE", null, now);
            case REFUSED -> {
                log.warn("product-service refused to {} coupon {} for order {}", task.action(), task.code(),
                        task.orderId());
                tasks.finish(task, "FAILED", "refused", now);
            }
            case RETRY -> {
                if (task.attempts() + 1 >= properties.maxAttempts()) {
                    log.error("gave up trying to {} coupon {} for order {}", task.action(), task.code(),
                            task.orderId());
                    tasks.finish(task, "FAILED", "gave up after " + (task.attempts() + 1) + " attempts", now);
                } else {
                    tasks.retryLater(task, "unavailable", now.plus(properties.retryInterval()));
                }
            }
        }
    }
}
