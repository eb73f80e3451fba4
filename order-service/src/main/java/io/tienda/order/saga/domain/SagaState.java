package io.tienda.order.saga.domain;

import io.tienda.order.orders.domain.NextAction;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.saga.StockLine;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a checkout saga knows about its order: what to reserve and charge, where it is, until
 * when it waits, what the participants confirmed and which compensations are still unacknowledged.
 * Immutable: every change is a new state, persisted with the order change and the commands it causes.
 *
 * @param paymentKey the provider's idempotency key, derived from the checkout's Idempotency-Key
 * @param coupon     the coupon the cart applied, or null
 * @param deadline   when the current wait ends; null once ENDED
 * @param attempts   sends of the current step's command (compensations: of the pending ones)
 * @param outcome    null while the checkout goes forward
 * @param refundAmount what payment-service answered the cancellation's refund was for (minor units of
 *                   {@code amount}'s currency): less than the order's total when staff or a return had
 *                   refunded part of it before; null until it answers (the saga asked for {@code amount})
 */
public record SagaState(UUID orderId, String customerId, List<StockLine> lines, Money amount, String paymentMethod,
        String paymentKey, SagaCoupon coupon, SagaStep step, Instant deadline, int attempts, SagaOutcome outcome,
        String reason, Set<Fact> facts, Set<Compensation> pending, UUID reservationId, Instant reservationExpiresAt,
        String paymentId, NextAction nextAction, Instant startedAt, Instant updatedAt, Long refundAmount) {

    public SagaState {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(step, "step");
        lines = List.copyOf(lines);
        facts = facts == null || facts.isEmpty() ? EnumSet.noneOf(Fact.class) : EnumSet.copyOf(facts);
        pending = pending == null || pending.isEmpty() ? EnumSet.noneOf(Compensation.class) : EnumSet.copyOf(pending);
    }

    /**
     * The coupon the order used, redeemed at product-service (product.redeem_coupon) once the stock is
     * committed; {@code orderTotal} is the order before the coupon, as the coupon's minimum is checked.
     */
    public record SagaCoupon(String code, Money orderTotal) {
    }

    /** A saga about to send its first command. */
    public static SagaState begin(UUID orderId, String customerId, List<StockLine> lines, Money amount,
            String paymentMethod, String paymentKey, SagaCoupon coupon, Instant now) {
        return new SagaState(orderId, customerId, lines, amount, paymentMethod, paymentKey, coupon,
                SagaStep.RESERVING_STOCK, null, 0, null, null, null, null, null, null, null, null, now, now, null);
    }

    /**
     * An order with nothing to pay (a replacement sent at no charge, or a coupon that took the whole cart
     * to 0): no payment is ever asked for.
     */
    public boolean isFree() {
        return amount.amount() == 0;
    }

    public boolean has(Fact fact) {
        return facts.contains(fact);
    }

    public boolean isOver() {
        return step == SagaStep.ENDED;
    }

    SagaState at(SagaStep next, Instant newDeadline, int newAttempts, Instant now) {
        return new SagaState(orderId, customerId, lines, amount, paymentMethod, paymentKey, coupon, next, newDeadline,
                newAttempts, outcome, reason, facts, pending, reservationId, reservationExpiresAt, paymentId,
                nextAction, startedAt, now, refundAmount);
    }

    SagaState with(Fact fact) {
        Set<Fact> more = EnumSet.copyOf(facts.isEmpty() ? EnumSet.noneOf(Fact.class) : facts);
        more.add(fact);
        return new SagaState(orderId, customerId, lines, amount, paymentMethod, paymentKey, coupon, step, deadline,
                attempts, outcome, reason, more, pending, reservationId, reservationExpiresAt, paymentId, nextAction,
                startedAt, updatedAt, refundAmount);
    }

    /** Staff paid the refund another way ({@link Fact#REFUND_SETTLED_ELSEWHERE}). */
    public SagaState refundSettledElsewhere(Instant now) {
        return at(step, deadline, attempts, now).with(Fact.REFUND_SETTLED_ELSEWHERE);
    }

    SagaState without(Fact fact) {
        Set<Fact> fewer = facts.isEmpty() ? EnumSet.noneOf(Fact.class) : EnumSet.copyOf(facts);
        fewer.remove(fact);
        return new SagaState(orderId, customerId, lines, amount, paymentMethod, paymentKey, coupon, step, deadline,
                attempts, outcome, reason, fewer, pending, reservationId, reservationExpiresAt, paymentId, nextAction,
                startedAt, updatedAt, refundAmount);
    }

    SagaState awaiting(Set<Compensation> newPending) {
        return new SagaState(orderId, customerId, lines, amount, paymentMethod, paymentKey, coupon, step, deadline,
                attempts, outcome, reason, facts, newPending, reservationId, reservationExpiresAt, paymentId,
                nextAction, startedAt, updatedAt, refundAmount);
    }

    SagaState ending(SagaOutcome newOutcome, String newReason) {
        return new SagaState(orderId, customerId, lines, amount, paymentMethod, paymentKey, coupon, step, deadline,
                attempts, newOutcome, newReason, facts, pending, reservationId, reservationExpiresAt, paymentId, null,
                startedAt, updatedAt, refundAmount);
    }

    SagaState reserved(UUID id, Instant until) {
        return new SagaState(orderId, customerId, lines, amount, paymentMethod, paymentKey, coupon, step, deadline,
                attempts, outcome, reason, facts, pending, id, until, paymentId, nextAction, startedAt, updatedAt, refundAmount);
    }

    SagaState reservingUntil(Instant until) {
        return reserved(reservationId, until);
    }

    SagaState paidWith(String id) {
        return new SagaState(orderId, customerId, lines, amount, paymentMethod, paymentKey, coupon, step, deadline,
                attempts, outcome, reason, facts, pending, reservationId, reservationExpiresAt,
                id == null ? paymentId : id, nextAction, startedAt, updatedAt, refundAmount);
    }

    /** payment-service answered the cancellation's refund for this amount (refunded, or failed). */
    SagaState refundAnswered(Money answered) {
        if (answered == null || !answered.currency().equals(amount.currency())) {
            return this;
        }
        return new SagaState(orderId, customerId, lines, amount, paymentMethod, paymentKey, coupon, step, deadline,
                attempts, outcome, reason, facts, pending, reservationId, reservationExpiresAt, paymentId, nextAction,
                startedAt, updatedAt, answered.amount());
    }

    /**
     * The cancellation's refund, in minor units of {@code amount}'s currency: what payment-service answered it
     * was for, or, until it answers, what the saga asked for (the order's total).
     */
    public long refundDue() {
        return refundAmount != null ? refundAmount : amount.amount();
    }

    SagaState waitingFor(NextAction action) {
        return new SagaState(orderId, customerId, lines, amount, paymentMethod, paymentKey, coupon, step, deadline,
                attempts, outcome, reason, facts, pending, reservationId, reservationExpiresAt, paymentId, action,
                startedAt, updatedAt, refundAmount);
    }
}
