package io.tienda.order.saga.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each step waits for its reply before it asks again, and how often it asks before it
 * gives up and compensates.
 *
 * @param reserveStock     waiting for stock_reserved / stock_rejected
 * @param authorizePayment waiting for payment.authorized / payment.failed
 * @param paymentAction    waiting for the shopper to complete 3-D Secure
 * @param commitStock      waiting for stock_committed
 * @param capturePayment   waiting for payment.captured
 * @param compensation     waiting for the acknowledgement of a release, void or refund
 * @param maxAttempts      sends of one step's command (the first included) before it is compensated
 * @param reservationHold  how long inventory holds the stock; longer than every step before the commit
 */
public record SagaDeadlines(Duration reserveStock, Duration authorizePayment, Duration paymentAction,
        Duration commitStock, Duration capturePayment, Duration compensation, int maxAttempts,
        Duration reservationHold) {

    public SagaDeadlines {
        Objects.requireNonNull(reserveStock, "reserveStock");
        Objects.requireNonNull(authorizePayment, "authorizePayment");
        Objects.requireNonNull(paymentAction, "paymentAction");
        Objects.requireNonNull(commitStock, "commitStock");
        Objects.requireNonNull(capturePayment, "capturePayment");
        Objects.requireNonNull(compensation, "compensation");
        Objects.requireNonNull(reservationHold, "reservationHold");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Production defaults. */
    public static SagaDeadlines defaults() {
        return new SagaDeadlines(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(15),
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60), 3, Duration.ofMinutes(30));
    }

    Duration of(SagaStep step, boolean awaitingShopper) {
        return switch (step) {
            case RESERVING_STOCK -> reserveStock;
            case AUTHORIZING_PAYMENT -> awaitingShopper ? paymentAction : authorizePayment;
            case COMMITTING_STOCK -> commitStock;
            case CAPTURING_PAYMENT -> capturePayment;
            case COMPENSATING, ENDED -> compensation;
        };
    }
}
