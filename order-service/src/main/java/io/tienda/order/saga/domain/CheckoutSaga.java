package io.tienda.order.saga.domain;

import io.tienda.order.saga.domain.Decision.AwaitShopper;
import io.tienda.order.saga.domain.Decision.Cancel;
import io.tienda.order.saga.domain.Decision.Command;
import io.tienda.order.saga.domain.Decision.Confirm;
import io.tienda.order.saga.domain.Decision.OrderChange;
import io.tienda.order.saga.domain.Decision.Reject;
import io.tienda.order.saga.domain.SagaReply.PaymentActionRequired;
import io.tienda.order.orders.domain.NextAction;
import io.tienda.order.saga.domain.SagaReply.PaymentAuthorized;
import io.tienda.order.saga.domain.SagaReply.PaymentCaptureFailed;
import io.tienda.order.saga.domain.SagaReply.PaymentCaptured;
import io.tienda.order.saga.domain.SagaReply.PaymentFailed;
import io.tienda.order.saga.domain.SagaReply.PaymentRefundFailed;
import io.tienda.order.saga.domain.SagaReply.PaymentRefunded;
import io.tienda.order.saga.domain.SagaReply.PaymentVoided;
import io.tienda.order.saga.domain.SagaReply.StockCommitted;
import io.tienda.order.saga.domain.SagaReply.StockRejected;
import io.tienda.order.saga.domain.SagaReply.StockReleased;
import io.tienda.order.saga.domain.SagaReply.StockReserved;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.AuthorizePayment;
import io.tienda.platform.events.saga.CapturePayment;
import io.tienda.platform.events.saga.CommitStock;
import io.tienda.platform.events.saga.RedeemCoupon;
import io.tienda.platform.events.saga.RefundPayment;
import io.tienda.platform.events.saga.ReleaseCoupon;
import io.tienda.platform.events.saga.ReleaseStock;
import io.tienda.platform.events.saga.ReserveStock;
import io.tienda.platform.events.saga.VoidPayment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The checkout, top to bottom (DESIGN.md section 6, ADR 0003). Each step sends one command and waits
 * for its reply until a deadline; a step that is not answered is asked again, and after
 * {@link SagaDeadlines#maxAttempts()} it is compensated like a failure.
 *
 * <pre>
 * step                 command            success                 failure                       compensation
 * 1 RESERVING_STOCK    inventory.reserve  stock_reserved -> 2     stock_rejected -> REJECTED    inventory.release
 * 2 AUTHORIZING_PAYMENT payment.authorize payment.authorized -> 3 payment.failed -> CANCELLED   payment.void
 *                                         (action_required: wait for the shopper, order stays PENDING)
 *                                         (stock_released: the reservation expired -> CANCELLED)
 * 3 COMMITTING_STOCK   inventory.commit   stock_committed -> 4    stock_rejected -> CANCELLED   inventory.release (restock)
 *   (the order is CONFIRMED when step 3 starts: order.confirmed)
 * 4 CAPTURING_PAYMENT  payment.capture    payment.captured        capture_failed -> CANCELLED   payment.refund
 *                                         -> COMPLETED
 *                      + product.redeem_coupon (when the order has a coupon; no reply awaited)
 * </pre>
 *
 * An order with nothing to pay (total 0: a replacement for returned items, or a coupon that took the
 * whole cart to 0) skips payment entirely: stock_reserved confirms it and goes straight to step 3,
 * stock_committed completes it (redeeming its coupon, if any), and its compensations only give the stock
 * (and the coupon) back.
 *
 * A compensation sends the undoing command of every step that did (or may have) happened, cancels
 * or rejects the order and waits in COMPENSATING until each is acknowledged, asking again at
 * deadlines; a redeemed coupon is given back with product.release_coupon, which (like the
 * redemption) the outbox delivers and nobody acknowledges. Replies a step does not expect are
 * ignored: duplicates and replies overtaken by the saga moving on. A late "yes" to something already undone (an authorisation after a timeout, a
 * capture after a cancellation) is undone again. A refused refund (payment.refund_failed) is not
 * awaited any longer, since its key would only replay the refusal: it stays in the state as
 * REFUND_REFUSED for operations. So does a refund answered payment.refunded that the provider fails
 * afterwards (payment.refund_failed with the saga's key, after the saga ended). Compensations still
 * unacknowledged after {@link SagaDeadlines#maxAttempts()} sends are given up on: the saga ends with them
 * in its state for operations ({@link Attention}), and an acknowledgement arriving after that still takes
 * its compensation out, sending nothing. Plain Java: every branch is unit-tested.
 */
public final class CheckoutSaga {

    private final SagaDeadlines deadlines;

    public CheckoutSaga(SagaDeadlines deadlines) {
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    }

    // ---- step 1: reserve stock ----------------------------------------------------------------------

    /** The order is placed: reserve its stock until the hold ends. */
    public Decision start(SagaState saga, Instant now) {
        SagaState reserving = saga.reservingUntil(now.plus(deadlines.reservationHold()));
        return next(reserving, SagaStep.RESERVING_STOCK, now).send(reserveStock(reserving)).decide();
    }

    private Decision reservingStock(SagaState saga, SagaReply reply, Instant now) {
        if (reply instanceof StockReserved reserved) {
            SagaState held = saga.with(Fact.STOCK_RESERVED).reserved(reserved.reservationId(), reserved.expiresAt());
            if (held.isFree()) {
                // Nothing to pay: the order counts as authorised without asking payment-service.
                return next(held, SagaStep.COMMITTING_STOCK, now).send(commitStock(held))
                        .order(new Confirm("nothing to pay")).decide();
            }
            return next(held, SagaStep.AUTHORIZING_PAYMENT, now).send(authorizePayment(held)).decide();
        }
        if (reply instanceof StockRejected rejected) {
            return end(saga, SagaOutcome.REJECTED, rejected.reason(), now).order(new Reject(rejected.reason()))
                    .decide();
        }
        return unexpected(saga, reply);
    }

    // ---- step 2: authorise the payment ----------------------------------------------------------------

    private Decision authorizingPayment(SagaState saga, SagaReply reply, Instant now) {
        if (reply instanceof PaymentAuthorized authorized) {
            SagaState paid = saga.with(Fact.PAYMENT_AUTHORIZED).paidWith(authorized.paymentId()).waitingFor(null);
            return next(paid, SagaStep.COMMITTING_STOCK, now).send(commitStock(paid))
                    .order(new Confirm("payment authorised")).decide();
        }
        if (reply instanceof PaymentFailed failed) {
            // A declined authorisation holds nothing: only the stock goes back.
            return compensate(saga, "payment-failed: " + failed.reason(), now, true, false);
        }
        if (reply instanceof PaymentActionRequired required) {
            // The shopper has until the action's deadline; the reservation outlives it.
            Instant until = now.plus(deadlines.paymentAction());
            NextAction action = required.action().until(until);
            SagaState waiting = saga.waitingFor(action);
            return new Builder(waiting.at(SagaStep.AUTHORIZING_PAYMENT, until, saga.attempts(), now))
                    .order(new AwaitShopper(action)).decide();
        }
        if (reply instanceof StockReleased) {
            // Unsolicited: inventory's sweeper gave the expired reservation back.
            return compensate(saga.without(Fact.STOCK_RESERVED), "reservation-expired", now, false, true);
        }
        return unexpected(saga, reply);
    }

    // ---- step 3: commit the stock (the order is CONFIRMED) ---------------------------------------------

    private Decision committingStock(SagaState saga, SagaReply reply, Instant now) {
        if (reply instanceof StockCommitted) {
            SagaState sold = saga.with(Fact.STOCK_COMMITTED);
            if (sold.isFree()) {
                // Nothing was authorised, so nothing is captured; a coupon that took the total to 0 is
                // still used now (a later cancellation gives it back like any other).
                if (sold.coupon() == null) {
                    return end(sold, SagaOutcome.COMPLETED, null, now).decide();
                }
                SagaState redeemed = sold.with(Fact.COUPON_REDEEMED);
                return end(redeemed, SagaOutcome.COMPLETED, null, now).send(redeemCoupon(redeemed)).decide();
            }
            if (sold.coupon() == null) {
                return next(sold, SagaStep.CAPTURING_PAYMENT, now).send(capturePayment(sold)).decide();
            }
            // The goods are sold: the coupon's use counts now, whatever the capture brings.
            SagaState redeemed = sold.with(Fact.COUPON_REDEEMED);
            return next(redeemed, SagaStep.CAPTURING_PAYMENT, now).send(capturePayment(redeemed))
                    .send(redeemCoupon(redeemed)).decide();
        }
        if (reply instanceof StockRejected refused) {
            // The reservation lapsed and its units were sold meanwhile: nothing is held any more.
            return compensate(saga.without(Fact.STOCK_RESERVED), "stock-" + refused.reason(), now, false, true);
        }
        return unexpected(saga, reply);
    }

    // ---- step 4: capture the payment -------------------------------------------------------------------

    private Decision capturingPayment(SagaState saga, SagaReply reply, Instant now) {
        if (reply instanceof PaymentCaptured captured) {
            return end(saga.with(Fact.PAYMENT_CAPTURED).paidWith(captured.paymentId()), SagaOutcome.COMPLETED, null,
                    now).decide();
        }
        if (reply instanceof PaymentFailed failed) {
            return compensate(saga, "payment-capture-failed: " + failed.reason(), now, true, true);
        }
        if (reply instanceof PaymentCaptureFailed failed) {
            // Nothing was taken; the authorisation may still hold money, so it is voided.
            return compensate(saga, "payment-capture-failed: " + failed.reason(), now, true, true);
        }
        return unexpected(saga, reply);
    }

    // ---- compensating ----------------------------------------------------------------------------------

    private Decision compensating(SagaState saga, SagaReply reply, Instant now) {
        Set<Compensation> pending = EnumSet.noneOf(Compensation.class);
        pending.addAll(saga.pending());
        Builder builder;
        if (reply instanceof StockReleased) {
            if (!pending.remove(Compensation.RELEASE_STOCK)) {
                return Decision.ignore(saga, "stock_released is not awaited");
            }
            builder = new Builder(saga.without(Fact.STOCK_RESERVED).awaiting(pending));
        } else if (reply instanceof PaymentVoided) {
            if (!pending.remove(Compensation.VOID_PAYMENT)) {
                return Decision.ignore(saga, "payment.voided is not awaited");
            }
            builder = new Builder(saga.without(Fact.PAYMENT_AUTHORIZED).awaiting(pending));
        } else if (reply instanceof PaymentRefunded refunded) {
            if (!answersOurRefund(saga, refunded.refundKey())) {
                return Decision.ignore(saga, "payment.refunded answers another refund of the order");
            }
            if (!pending.remove(Compensation.REFUND_PAYMENT)) {
                return Decision.ignore(saga, "payment.refunded is not awaited");
            }
            builder = new Builder(saga.refundAnswered(refunded.amount()).awaiting(pending));
        } else if (reply instanceof PaymentRefundFailed failed) {
            if (!answersOurRefund(saga, failed.refundKey())) {
                return Decision.ignore(saga, "payment.refund_failed answers another refund of the order");
            }
            if (!pending.remove(Compensation.REFUND_PAYMENT)) {
                return refundFailedLate(saga, failed, now);
            }
            // The refund is keyed: asking again would only replay this answer. The refusal is kept in
            // the state (and logged) for operations instead of being resent until the saga gives up.
            builder = new Builder(saga.with(Fact.REFUND_REFUSED).refundAnswered(failed.amount()).awaiting(pending));
        } else if (reply instanceof PaymentFailed) {
            // Whatever failed holds nothing: there is nothing left to void.
            if (!pending.remove(Compensation.VOID_PAYMENT)) {
                return Decision.ignore(saga, "payment.failed is not awaited");
            }
            builder = new Builder(saga.without(Fact.PAYMENT_AUTHORIZED).awaiting(pending));
        } else if (reply instanceof StockReserved || reply instanceof StockCommitted) {
            // A "yes" that arrives after the saga gave up on it: undo it too.
            if (pending.contains(Compensation.RELEASE_STOCK)) {
                return Decision.ignore(saga, "the release is already on its way");
            }
            pending.add(Compensation.RELEASE_STOCK);
            builder = new Builder(saga.awaiting(pending)).send(releaseStock(saga, saga.reason()));
        } else if (reply instanceof PaymentAuthorized authorized) {
            if (saga.has(Fact.PAYMENT_CAPTURED) || pending.contains(Compensation.VOID_PAYMENT)) {
                return Decision.ignore(saga, "the authorisation is already being undone");
            }
            pending.add(Compensation.VOID_PAYMENT);
            builder = new Builder(saga.paidWith(authorized.paymentId()).awaiting(pending))
                    .send(voidPayment(saga, saga.reason()));
        } else if (reply instanceof PaymentCaptured captured) {
            if (saga.has(Fact.PAYMENT_CAPTURED)) {
                return Decision.ignore(saga, "payment.captured again");
            }
            // The void came too late: the money was taken, so it goes back as a refund.
            pending.remove(Compensation.VOID_PAYMENT);
            pending.add(Compensation.REFUND_PAYMENT);
            builder = new Builder(saga.with(Fact.PAYMENT_CAPTURED).paidWith(captured.paymentId()).awaiting(pending))
                    .send(refundPayment(saga, saga.reason()));
        } else {
            return unexpected(saga, reply);
        }
        return settle(builder, now);
    }

    /**
     * A {@code payment.refund_failed} for the saga's refund that it no longer awaits: the refund was
     * answered {@code payment.refunded} and the provider failed it afterwards (the card was closed), or the
     * answer came after the saga gave up waiting. Either way the money did not go back, so the saga ends up
     * where a refusal at once leaves it: {@code REFUND_REFUSED}, for operations, and the refund no longer
     * awaited. Nothing is sent: the same key would only replay the failure. Only an answer carrying the
     * saga's own key counts here (a keyless one cannot be told from another refund's), once.
     */
    private Decision refundFailedLate(SagaState saga, PaymentRefundFailed failed, Instant now) {
        if (failed.refundKey() == null || !failed.refundKey().equals(refundKey(saga))) {
            return Decision.ignore(saga, "payment.refund_failed answers another refund of the order");
        }
        if (saga.outcome() != SagaOutcome.CANCELLED || !saga.has(Fact.PAYMENT_CAPTURED)) {
            return Decision.ignore(saga, "the checkout asked for no refund");
        }
        if (saga.has(Fact.REFUND_REFUSED)) {
            return Decision.ignore(saga, "the refund's failure is already recorded");
        }
        Set<Compensation> pending = EnumSet.noneOf(Compensation.class);
        pending.addAll(saga.pending());
        pending.remove(Compensation.REFUND_PAYMENT);
        return new Builder(saga.with(Fact.REFUND_REFUSED).refundAnswered(failed.amount()).awaiting(pending)
                .at(saga.step(), saga.deadline(), saga.attempts(), now)).decide();
    }

    /** Ends the saga once nothing is awaited any more; otherwise it keeps waiting where it was. */
    private Decision settle(Builder builder, Instant now) {
        SagaState state = builder.state;
        if (state.pending().isEmpty()) {
            builder.state = state.at(SagaStep.ENDED, null, 0, now);
        } else if (state.step() != SagaStep.COMPENSATING) {
            builder.state = state.at(SagaStep.COMPENSATING, now.plus(deadlines.compensation()), 1, now);
        } else if (!builder.commands.isEmpty()) {
            builder.state = state.at(SagaStep.COMPENSATING, now.plus(deadlines.compensation()), 1, now);
        }
        return builder.decide();
    }

    // ---- replies, deadlines and cancellations ------------------------------------------------------------

    /** A participant replied. */
    public Decision on(SagaReply reply, SagaState saga, Instant now) {
        return switch (saga.step()) {
            case RESERVING_STOCK -> reservingStock(saga, reply, now);
            case AUTHORIZING_PAYMENT -> authorizingPayment(saga, reply, now);
            case COMMITTING_STOCK -> committingStock(saga, reply, now);
            case CAPTURING_PAYMENT -> capturingPayment(saga, reply, now);
            case COMPENSATING -> compensating(saga, reply, now);
            case ENDED -> ended(saga, reply, now);
        };
    }

    /** The current step's deadline passed: ask again, or give up and compensate. */
    public Decision onDeadline(SagaState saga, Instant now) {
        if (saga.deadline() == null || now.isBefore(saga.deadline())) {
            return Decision.ignore(saga, "the deadline has not passed");
        }
        boolean again = saga.attempts() < deadlines.maxAttempts();
        return switch (saga.step()) {
            case RESERVING_STOCK -> again ? retry(saga, reserveStock(saga), now)
                    // A reservation may have happened without its reply reaching us.
                    : compensate(saga, "stock-reservation-timed-out", now, true, false);
            case AUTHORIZING_PAYMENT -> {
                if (saga.nextAction() != null) {
                    yield compensate(saga, "payment-action-timed-out", now, true, true);
                }
                yield again ? retry(saga, authorizePayment(saga), now)
                        : compensate(saga, "payment-authorization-timed-out", now, true, true);
            }
            case COMMITTING_STOCK -> again ? retry(saga, commitStock(saga), now)
                    : compensate(saga, "stock-commit-timed-out", now, true, true);
            case CAPTURING_PAYMENT -> again ? retry(saga, capturePayment(saga), now)
                    : compensate(saga, "payment-capture-timed-out", now, true, true);
            case COMPENSATING -> again ? resendCompensations(saga, now) : giveUp(saga, now);
            case ENDED -> Decision.ignore(saga, "the saga has ended");
        };
    }

    /**
     * The customer or staff cancel the order before it ships: undo whatever was done or may be under
     * way. Refused (answered as ignored) once the saga has already ended otherwise than completed, or
     * is compensating.
     */
    public Decision cancel(SagaState saga, String reason, Instant now) {
        return cancel(saga, reason, reason, now);
    }

    /**
     * As {@link #cancel(SagaState, String, Instant)}, where the order's history keeps {@code ordersReason}
     * while the saga keeps, and the participants are told, {@code reason}: a customer's own words stay with
     * the order, where their erasure finds them, and the participants read why in the service's words.
     */
    public Decision cancel(SagaState saga, String reason, String ordersReason, Instant now) {
        return switch (saga.step()) {
            case COMPENSATING -> Decision.ignore(saga, "the order is already being cancelled");
            case ENDED -> saga.outcome() == SagaOutcome.COMPLETED
                    ? compensate(saga, reason, ordersReason, now, true, true)
                    : Decision.ignore(saga, "the checkout has ended " + saga.outcome());
            default -> compensate(saga, reason, ordersReason, now, true, true);
        };
    }

    private Decision ended(SagaState saga, SagaReply reply, Instant now) {
        if (reply instanceof PaymentRefundFailed failed) {
            return refundFailedLate(saga, failed, now);
        }
        if (saga.outcome() == SagaOutcome.COMPLETED) {
            return Decision.ignore(saga, "the checkout completed");
        }
        if (!saga.pending().isEmpty() && acknowledges(reply)) {
            return acknowledgedAfterGivingUp(saga, reply, now);
        }
        // A cancelled checkout that hears a late yes reopens to undo it.
        if (reply instanceof StockReserved || reply instanceof PaymentAuthorized || reply instanceof PaymentCaptured) {
            return compensating(saga, reply, now);
        }
        return Decision.ignore(saga, "the checkout has ended " + saga.outcome());
    }

    private static boolean acknowledges(SagaReply reply) {
        return reply instanceof StockReleased || reply instanceof PaymentVoided || reply instanceof PaymentRefunded
                || reply instanceof PaymentFailed;
    }

    /**
     * An acknowledgement of a compensation the saga gave up waiting for ({@link #giveUp}): the participant
     * did undo it after all, so it is no longer left for operations. The saga stays ENDED and sends nothing;
     * what is still unacknowledged stays as it was. The same checks as while compensating apply (a refund
     * of another key acknowledges nothing).
     */
    private Decision acknowledgedAfterGivingUp(SagaState saga, SagaReply reply, Instant now) {
        Decision acknowledged = compensating(saga, reply, now);
        if (acknowledged.ignored()) {
            return acknowledged;
        }
        SagaState after = acknowledged.state();
        return new Builder(after.at(SagaStep.ENDED, null, after.pending().isEmpty() ? 0 : saga.attempts(), now))
                .decide();
    }

    /**
     * Undoes what was done. {@code stockMayBeHeld}: a reservation or commit exists or may exist;
     * {@code paymentMayBeHeld}: an authorisation exists or may exist (a capture is refunded instead).
     */
    private Decision compensate(SagaState saga, String reason, Instant now, boolean stockMayBeHeld,
            boolean paymentMayBeHeld) {
        return compensate(saga, reason, reason, now, stockMayBeHeld, paymentMayBeHeld);
    }

    private Decision compensate(SagaState saga, String reason, String ordersReason, Instant now,
            boolean stockMayBeHeld, boolean paymentMayBeHeld) {
        SagaOutcome outcome = SagaOutcome.CANCELLED;
        // A free order never asked payment-service for anything: there is nothing to void or refund.
        boolean paymentMayBeAsked = paymentMayBeHeld && !saga.isFree();
        Builder builder = new Builder(saga.ending(outcome, reason)).order(new Cancel(ordersReason));
        Set<Compensation> pending = EnumSet.noneOf(Compensation.class);
        if (stockMayBeHeld || saga.has(Fact.STOCK_RESERVED) || saga.has(Fact.STOCK_COMMITTED)) {
            builder.send(releaseStock(saga, reason));
            pending.add(Compensation.RELEASE_STOCK);
        }
        if (saga.has(Fact.PAYMENT_CAPTURED)) {
            builder.send(refundPayment(saga, reason));
            pending.add(Compensation.REFUND_PAYMENT);
        } else if (paymentMayBeAsked || saga.has(Fact.PAYMENT_AUTHORIZED)) {
            builder.send(voidPayment(saga, reason));
            pending.add(Compensation.VOID_PAYMENT);
        }
        if (saga.has(Fact.COUPON_REDEEMED)) {
            builder.send(releaseCoupon(saga, reason));
            builder.state = builder.state.without(Fact.COUPON_REDEEMED);
        }
        builder.state = builder.state.awaiting(pending);
        return settle(builder, now);
    }

    private Decision retry(SagaState saga, Command command, Instant now) {
        Instant until = now.plus(deadlines.of(saga.step(), false));
        return new Builder(saga.at(saga.step(), until, saga.attempts() + 1, now)).send(command).decide();
    }

    private Decision resendCompensations(SagaState saga, Instant now) {
        Builder builder = new Builder(saga.at(SagaStep.COMPENSATING, now.plus(deadlines.compensation()),
                saga.attempts() + 1, now));
        for (Compensation compensation : saga.pending()) {
            builder.send(switch (compensation) {
                case RELEASE_STOCK -> releaseStock(saga, saga.reason());
                case VOID_PAYMENT -> voidPayment(saga, saga.reason());
                case REFUND_PAYMENT -> refundPayment(saga, saga.reason());
            });
        }
        return builder.decide();
    }

    /**
     * Compensations asked for {@code maxAttempts} times without an answer. The commands stay in the
     * participants' topics; what is left unacknowledged stays in the state for operations to see.
     */
    private Decision giveUp(SagaState saga, Instant now) {
        return new Builder(saga.at(SagaStep.ENDED, null, saga.attempts(), now)).decide();
    }

    private static Decision unexpected(SagaState saga, SagaReply reply) {
        return Decision.ignore(saga, reply.getClass().getSimpleName() + " is not awaited in " + saga.step());
    }

    // ---- the commands --------------------------------------------------------------------------------

    private static Command reserveStock(SagaState saga) {
        return new Command(Topics.INVENTORY_COMMANDS,
                new ReserveStock(saga.orderId(), saga.lines(), saga.reservationExpiresAt()));
    }

    private static Command authorizePayment(SagaState saga) {
        return new Command(Topics.PAYMENT_COMMANDS, new AuthorizePayment(saga.orderId(), saga.customerId(),
                saga.amount(), saga.paymentMethod(), saga.paymentKey()));
    }

    private static Command commitStock(SagaState saga) {
        return new Command(Topics.INVENTORY_COMMANDS, new CommitStock(saga.orderId()));
    }

    private static Command capturePayment(SagaState saga) {
        return new Command(Topics.PAYMENT_COMMANDS, new CapturePayment(saga.orderId(), saga.amount()));
    }

    private static Command releaseStock(SagaState saga, String reason) {
        return new Command(Topics.INVENTORY_COMMANDS, new ReleaseStock(saga.orderId(), text(reason)));
    }

    private static Command voidPayment(SagaState saga, String reason) {
        return new Command(Topics.PAYMENT_COMMANDS, new VoidPayment(saga.orderId(), text(reason)));
    }

    /**
     * One refund per order: the key makes a resent refund harmless. The saga asks for the order's
     * whole amount although staff or a return may have refunded part of it since: it cannot know, and
     * payment-service, which keeps the ledger, reads this key (the authorisation's key + "-refund") as
     * the reversal of the whole payment and gives back everything still refundable; its answer says how
     * much that was, which the saga keeps ({@link SagaState#refundAmount}).
     */
    private static Command refundPayment(SagaState saga, String reason) {
        return new Command(Topics.PAYMENT_COMMANDS, new RefundPayment(saga.orderId(), saga.amount(), text(reason),
                refundKey(saga)));
    }

    private static String refundKey(SagaState saga) {
        return saga.paymentKey() + "-refund";
    }

    /** Whether a refund's answer is to this saga's refund, not to another of the order (a return's). */
    private static boolean answersOurRefund(SagaState saga, String refundKey) {
        // Answers from before refund keys were echoed carry none; they can only be the saga's.
        return refundKey == null || refundKey.equals(refundKey(saga));
    }

    /** Counts the order's use of its coupon at product-service; idempotent by order id there. */
    private static Command redeemCoupon(SagaState saga) {
        return new Command(Topics.PRODUCT_COMMANDS, new RedeemCoupon(saga.orderId(), saga.coupon().code(),
                saga.customerId(), saga.coupon().orderTotal()));
    }

    private static Command releaseCoupon(SagaState saga, String reason) {
        return new Command(Topics.PRODUCT_COMMANDS, new ReleaseCoupon(saga.orderId(), saga.coupon().code(),
                text(reason)));
    }

    private static String text(String reason) {
        return reason == null || reason.isBlank() ? "cancelled" : reason;
    }

    // ---- building a decision -------------------------------------------------------------------------

    private Builder next(SagaState saga, SagaStep step, Instant now) {
        return new Builder(saga.at(step, now.plus(deadlines.of(step, false)), 1, now));
    }

    private static Builder end(SagaState saga, SagaOutcome outcome, String reason, Instant now) {
        return new Builder(saga.ending(outcome, reason).at(SagaStep.ENDED, null, 0, now));
    }

    private static final class Builder {

        private SagaState state;
        private final List<Command> commands = new ArrayList<>();
        private OrderChange orderChange;

        Builder(SagaState state) {
            this.state = state;
        }

        Builder send(Command command) {
            commands.add(command);
            return this;
        }

        Builder order(OrderChange change) {
            orderChange = change;
            return this;
        }

        Decision decide() {
            return new Decision(state, commands, orderChange, null);
        }
    }
}
