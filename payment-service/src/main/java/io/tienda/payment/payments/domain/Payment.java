package io.tienda.payment.payments.domain;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.IllegalTransitionException;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An attempt to take an order's money. Holds no card data: the provider keeps that, and this keeps
 * the provider's id for the payment. The ledger of captured and refunded money lives here too:
 * settled plus pending refunds never exceed what was captured, and nothing more is refunded once they
 * and the money paid back outside the provider make up the capture.
 *
 * @param amount              authorised amount, in minor units of {@code currency}
 * @param idempotencyKey      the saga's key for the authorisation; stored before the provider is called
 * @param capturedAmount      taken from the shopper (0 until captured)
 * @param refundedAmount      sent back and settled by the provider
 * @param refundPendingAmount asked back, not yet settled by the provider
 * @param refundedOutsideAmount paid back outside the provider (a bank transfer staff made when its refund
 *                            failed, learned from order-service's {@code order.refund_settled}). The provider
 *                            never saw it, so it moves no status, which follows the provider's money
 * @param captureBefore       when the provider drops the authorisation if it is not captured
 * @param pendingAction       a capture or void asked for and not yet confirmed by the provider
 * @param pendingCaptureAmount what the pending capture takes
 */
public record Payment(UUID id, UUID orderId, String customerId, PaymentProvider provider, PaymentStatus status,
        long amount, String currency, Instant createdAt, Instant updatedAt, String providerPaymentId,
        String idempotencyKey, long capturedAmount, long refundedAmount, long refundPendingAmount,
        long refundedOutsideAmount, Instant captureBefore, PendingAction pendingAction, long pendingCaptureAmount, String declineCode,
        String failureReason, NextAction nextAction) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
    }

    /** A payment as listed, without its ledger; captured payments count their whole amount as captured. */
    public Payment(UUID id, UUID orderId, String customerId, PaymentProvider provider, PaymentStatus status,
            long amount, String currency, Instant createdAt, Instant updatedAt) {
        this(id, orderId, customerId, provider, status, amount, currency, createdAt, updatedAt, null, null,
                status.isCaptured() ? amount : 0, 0, 0, 0, null, null, 0, null, null, null);
    }

    /** A new attempt, before the provider is called. */
    public static Payment start(UUID orderId, String customerId, PaymentProvider provider, long amount,
            String currency, String idempotencyKey, Instant now) {
        if (amount <= 0) {
            throw DomainException.invalid("a payment takes at least one minor unit: " + amount);
        }
        return new Payment(UUID.randomUUID(), orderId, customerId, provider, PaymentStatus.PENDING, amount, currency,
                now, now, null, idempotencyKey, 0, 0, 0, 0, null, null, 0, null, null, null);
    }

    /** The provider holds the money until it is captured or voided. */
    public Payment authorized(Instant now) {
        return authorized(providerPaymentId, captureBefore, now);
    }

    public Payment authorized(String providerId, Instant holdUntil, Instant now) {
        PaymentStatus.MOVES.require(what(), status, PaymentStatus.AUTHORIZED);
        return with(PaymentStatus.AUTHORIZED, providerId, capturedAmount, holdUntil, null, 0, null, null, null, now);
    }

    /** The shopper has to authenticate (3-D Secure) before the provider authorises. */
    public Payment actionRequired(String providerId, NextAction action, Instant now) {
        PaymentStatus.MOVES.require(what(), status, PaymentStatus.REQUIRES_ACTION);
        return with(PaymentStatus.REQUIRES_ACTION, providerId, capturedAmount, captureBefore, null, 0, null, null,
                action, now);
    }

    /** The provider declined, or the authorisation could not be completed. */
    public Payment failed(Instant now) {
        return failed(null, null, null, now);
    }

    public Payment failed(String providerId, String reason, String decline, Instant now) {
        PaymentStatus.MOVES.require(what(), status, PaymentStatus.FAILED);
        return with(PaymentStatus.FAILED, providerId == null ? providerPaymentId : providerId, capturedAmount,
                captureBefore, null, 0, decline, reason, null, now);
    }

    public Payment captured(Instant now) {
        return captured(amount, now);
    }

    /** The provider took {@code taken} of the authorised amount. */
    public Payment captured(long taken, Instant now) {
        if (status.isCaptured()) {
            // Money is taken once; a refunded payment comes back to CAPTURED only when its refunds fail.
            throw new IllegalTransitionException(what(), status.name(), PaymentStatus.CAPTURED.name());
        }
        PaymentStatus.MOVES.require(what(), status, PaymentStatus.CAPTURED);
        if (taken <= 0 || taken > amount) {
            throw new IllegalArgumentException("captured amount must be 1 to " + amount + ": " + taken);
        }
        return with(PaymentStatus.CAPTURED, providerPaymentId, taken, captureBefore, null, 0, null, null, null, now);
    }

    /** The authorisation was released without taking the money. */
    public Payment voided(Instant now) {
        PaymentStatus.MOVES.require(what(), status, PaymentStatus.VOIDED);
        return with(PaymentStatus.VOIDED, providerPaymentId, capturedAmount, captureBefore, null, 0, null,
                failureReason, null, now);
    }

    /** The saga confirmed the order: capture {@code taken}, retried by the sweeper until the provider confirms. */
    public Payment captureRequested(long taken, Instant now) {
        if (status != PaymentStatus.AUTHORIZED) {
            throw DomainException.conflict("payment " + id + " is " + status + ", not authorised: nothing to capture");
        }
        if (taken <= 0 || taken > amount) {
            throw DomainException.unprocessable("payment " + id + " authorised " + amount + ", cannot capture " + taken);
        }
        return with(status, providerPaymentId, capturedAmount, captureBefore, PendingAction.CAPTURE, taken,
                declineCode, failureReason, nextAction, now);
    }

    /** The saga gave up on the order: release the authorisation, retried by the sweeper until confirmed. */
    public Payment voidRequested(String why, Instant now) {
        if (status != PaymentStatus.AUTHORIZED && status != PaymentStatus.REQUIRES_ACTION) {
            throw DomainException.conflict("payment " + id + " is " + status + ": nothing to void");
        }
        return with(status, providerPaymentId, capturedAmount, captureBefore, PendingAction.VOID, 0, declineCode,
                why, nextAction, now);
    }

    /**
     * Money went back to the customer.
     *
     * @param refundedSoFar everything refunded of this payment, this refund included, in minor units
     */
    public Payment refunded(long refundedSoFar, Instant now) {
        if (!status.isCaptured()) {
            PaymentStatus.MOVES.require(what(), status, PaymentStatus.PARTIALLY_REFUNDED);
        }
        if (refundedSoFar <= 0 || refundedSoFar > capturedAmount) {
            throw new IllegalArgumentException("refunded total must be 1 to " + capturedAmount + ": " + refundedSoFar);
        }
        PaymentStatus next = refundedSoFar == capturedAmount ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        if (status == PaymentStatus.REFUNDED) {
            // Nothing is left to send back; a refunded payment only goes back when a refund fails.
            throw new IllegalTransitionException(what(), status.name(), next.name());
        }
        PaymentStatus.MOVES.require(what(), status, next);
        return new Payment(id, orderId, customerId, provider, next, amount, currency, createdAt, now,
                providerPaymentId, idempotencyKey, capturedAmount, refundedSoFar, refundPendingAmount, refundedOutsideAmount,
                captureBefore,
                pendingAction, pendingCaptureAmount, declineCode, failureReason, nextAction);
    }

    /**
     * What may still be refunded: captured, less settled and pending refunds and what was paid back
     * outside the provider. Below zero when the customer got money back twice.
     */
    public long refundable() {
        return capturedAmount - refundedAmount - refundPendingAmount - refundedOutsideAmount;
    }

    /**
     * Sets {@code requested} aside for a refund, refusing more than may still be refunded.
     */
    public Payment refundRequested(long requested, Instant now) {
        if (!status.isCaptured()) {
            throw DomainException.custom(409, "payment-not-captured", "The payment was not captured",
                    "payment " + id + " is " + status + ": only captured money can be refunded");
        }
        if (requested <= 0) {
            throw DomainException.invalid("a refund returns at least one minor unit");
        }
        if (requested > refundable()) {
            throw DomainException.custom(409, "refund-exceeds-captured", "The refund exceeds what can be refunded",
                    "payment " + id + " can refund at most " + Math.max(0, refundable()) + " " + currency + " more, not "
                            + requested);
        }
        return withLedger(refundedAmount, refundPendingAmount + requested, now);
    }

    /**
     * What a reversal of the whole payment sets aside: everything that may still be refunded, never
     * more than {@code asked}. Refuses a payment never captured, and one with nothing left to give
     * back (all of it refunded, or the rest already pending in other refunds).
     */
    public long reversal(long asked) {
        if (!status.isCaptured()) {
            throw DomainException.custom(409, "payment-not-captured", "The payment was not captured",
                    "payment " + id + " is " + status + ": only captured money can be refunded");
        }
        if (refundable() <= 0) {
            throw DomainException.custom(409, "nothing-to-refund", "Nothing is left to refund",
                    "nothing-to-refund: payment " + id + " captured " + capturedAmount + " " + currency + ", of which "
                            + refundedAmount + " is refunded, " + refundPendingAmount + " is being refunded and "
                            + refundedOutsideAmount + " was paid back outside the provider");
        }
        return Math.min(asked, refundable());
    }

    /** A pending refund settled: it moves from pending to refunded, and the status follows. */
    public Payment refundSettled(long settled, Instant now) {
        Payment lessPending = withLedger(refundedAmount, Math.max(0, refundPendingAmount - settled), now);
        return lessPending.refunded(refundedAmount + settled, now);
    }

    /** A pending refund failed: its amount may be refunded again. */
    public Payment refundReleased(long released, Instant now) {
        return withLedger(refundedAmount, Math.max(0, refundPendingAmount - released), now);
    }

    /**
     * A refund the provider had settled failed there afterwards (or was cancelled): its amount never
     * reached the customer and no longer counts as refunded, and may be refunded again. The status goes
     * back to what the remaining refunds make it: {@code PARTIALLY_REFUNDED}, or {@code CAPTURED} when
     * none is left.
     */
    public Payment refundReversed(long reversed, Instant now) {
        long back = Math.min(Math.max(0, reversed), refundedAmount);
        if (back == 0) {
            return this;
        }
        long total = refundedAmount - back;
        PaymentStatus next = total == 0 ? PaymentStatus.CAPTURED : PaymentStatus.PARTIALLY_REFUNDED;
        PaymentStatus.MOVES.require(what(), status, next);
        return new Payment(id, orderId, customerId, provider, next, amount, currency, createdAt, now,
                providerPaymentId, idempotencyKey, capturedAmount, total, refundPendingAmount, refundedOutsideAmount,
                captureBefore,
                pendingAction, pendingCaptureAmount, declineCode, failureReason, nextAction);
    }

    /**
     * A refund made outside the platform, learned from the provider, joins the ledger as settled. What
     * adds nothing (nothing new, or all of it refunded already) leaves the payment as it is.
     */
    public Payment refundedElsewhere(long refund, Instant now) {
        long total = Math.min(capturedAmount, refundedAmount + Math.max(0, refund));
        if (total <= refundedAmount) {
            return this;
        }
        long pending = Math.min(refundPendingAmount, capturedAmount - total);
        return withLedger(refundedAmount, pending, now).refunded(total, now);
    }

    /**
     * Money paid back outside the provider joins the ledger: at most what was captured, counting what
     * was paid back that way before. What adds nothing leaves the payment as it is.
     */
    public Payment refundedOutside(long paidBack, Instant now) {
        if (!status.isCaptured()) {
            throw new IllegalTransitionException(what(), status.name(), "refunded outside the provider");
        }
        long total = Math.min(capturedAmount, refundedOutsideAmount + Math.max(0, paidBack));
        if (total == refundedOutsideAmount) {
            return this;
        }
        return new Payment(id, orderId, customerId, provider, status, amount, currency, createdAt, now,
                providerPaymentId, idempotencyKey, capturedAmount, refundedAmount, refundPendingAmount, total,
                captureBefore, pendingAction, pendingCaptureAmount, declineCode, failureReason, nextAction);
    }

    private Payment withLedger(long refunded, long pending, Instant now) {
        return new Payment(id, orderId, customerId, provider, status, amount, currency, createdAt, now,
                providerPaymentId, idempotencyKey, capturedAmount, refunded, pending, refundedOutsideAmount, captureBefore,
                pendingAction,
                pendingCaptureAmount, declineCode, failureReason, nextAction);
    }

    private Payment with(PaymentStatus next, String providerId, long captured, Instant holdUntil, PendingAction pending,
            long pendingCapture, String decline, String reason, NextAction action, Instant now) {
        return new Payment(id, orderId, customerId, provider, next, amount, currency, createdAt, now, providerId,
                idempotencyKey, captured, refundedAmount, refundPendingAmount, refundedOutsideAmount, holdUntil, pending, pendingCapture,
                decline, reason, action);
    }

    private String what() {
        return "payment " + id;
    }
}
