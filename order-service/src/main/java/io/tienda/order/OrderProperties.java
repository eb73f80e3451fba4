package io.tienda.order;

import io.tienda.order.saga.domain.SagaDeadlines;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * What operations may tune in order-service ({@code tienda.orders.*}). Defaults are the production values.
 *
 * @param cartService    base URL of cart-service, resolved through discovery
 * @param userService    base URL of user-service (the address book)
 * @param addressBookReadTimeout how long one read of the shopper's address book may take; with its retry and
 *                       the cart's snapshot (tienda.http.read-timeout, 5 s) a checkout stays within the
 *                       gateway's response timeout (10 s)
 */
@Validated
@ConfigurationProperties("tienda.orders")
public record OrderProperties(
        @DefaultValue("http://cart-service") @NotBlank String cartService,
        @DefaultValue("http://user-service") @NotBlank String userService,
        @DefaultValue("2s") Duration addressBookReadTimeout,
        @DefaultValue @Valid Saga saga,
        @DefaultValue @Valid Waits waits,
        @DefaultValue @Valid Erasure erasure) {

    /**
     * What is left of an erased customer's orders ({@code Erasures}).
     *
     * @param shippedAddressRetention how long after it shipped an erased customer's order still SHIPPED (never
     *                                marked delivered) keeps its address for the carrier; then it loses it as an
     *                                ended order does
     * @param sweepInterval           how often such orders are looked for
     * @param sweepBatch              orders handled per sweep
     */
    public record Erasure(
            @DefaultValue("30d") Duration shippedAddressRetention,
            @DefaultValue("15m") Duration sweepInterval,
            @DefaultValue("100") @Min(1) @Max(10_000) int sweepBatch) {
    }

    /**
     * Reads of an order that wait for it to change ({@code Prefer: wait}).
     *
     * @param max           the longest a read waits, whatever it asks for; below the gateway's response timeout (10 s)
     * @param sweepInterval how soon a change stored by another instance wakes the reads waiting here
     * @param maxWaiting    reads waiting at once on one instance; more are answered at once
     */
    public record Waits(
            @DefaultValue("5s") Duration max,
            @DefaultValue("250ms") Duration sweepInterval,
            @DefaultValue("1000") @Min(0) @Max(100_000) int maxWaiting) {
    }

    /**
     * @param replyConcurrency consumer threads on {@code order.saga.replies}
     * @param sweepInterval    how often sagas past their deadline are looked for
     * @param sweepBatch       sagas handled per sweep
     */
    public record Saga(
            @DefaultValue("30s") Duration reserveStock,
            @DefaultValue("60s") Duration authorizePayment,
            @DefaultValue("15m") Duration paymentAction,
            @DefaultValue("30s") Duration commitStock,
            @DefaultValue("60s") Duration capturePayment,
            @DefaultValue("60s") Duration compensation,
            @DefaultValue("3") @Min(1) @Max(100) int maxAttempts,
            @DefaultValue("30m") Duration reservationHold,
            @DefaultValue("5s") Duration sweepInterval,
            @DefaultValue("50") @Min(1) @Max(10_000) int sweepBatch,
            @DefaultValue("3") @Min(1) @Max(64) int replyConcurrency) {

        public SagaDeadlines deadlines() {
            return new SagaDeadlines(reserveStock, authorizePayment, paymentAction, commitStock, capturePayment,
                    compensation, maxAttempts, reservationHold);
        }
    }
}
