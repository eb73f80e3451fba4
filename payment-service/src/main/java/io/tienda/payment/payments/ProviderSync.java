package io.tienda.payment.payments;

import io.tienda.payment.PaymentProperties;
import io.tienda.payment.payments.domain.NextAction;
import io.tienda.payment.payments.domain.Payment;
import io.tienda.payment.payments.domain.PaymentGateway.Cancel;
import io.tienda.payment.payments.domain.PaymentStatus;
import io.tienda.payment.payments.domain.PendingAction;
import io.tienda.payment.payments.domain.ProviderUnavailableException;
import io.tienda.payment.payments.domain.RefundStatus;
import io.tienda.payment.payments.persistence.PaymentRepository;
import io.tienda.platform.events.saga.PaymentCaptured;
import io.tienda.platform.events.saga.PaymentVoided;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the provider tells us by webhook, applied to our payments. Deliveries come at least once and
 * in any order, so each is applied only when it moves the payment forward along its legal moves;
 * anything else (a stale or repeated message) changes nothing. Runs in the caller's transaction,
 * with the row that records the webhook's event id.
 */
@Service
public class ProviderSync {

    private static final Logger log = LoggerFactory.getLogger(ProviderSync.class);

    private final PaymentRepository payments;
    private final PaymentSteps steps;
    private final Refunds refunds;
    private final ProviderCalls calls;
    private final Replies replies;
    private final Clock clock;
    private final PaymentProperties properties;

    ProviderSync(PaymentRepository payments, PaymentSteps steps, Refunds refunds, ProviderCalls calls,
            Replies replies, Clock clock, PaymentProperties properties) {
        this.payments = payments;
        this.steps = steps;
        this.refunds = refunds;
        this.calls = calls;
        this.replies = replies;
        this.clock = clock;
        this.properties = properties;
    }

    /** A PaymentIntent as the provider describes it in a webhook. */
    public record IntentState(String id, String status, long amountReceived, UUID tiendaPaymentId,
            Instant captureBefore, String errorCode, String declineCode, String errorMessage, NextAction nextAction) {
    }

    /** What the caller must do after its transaction commits: release a hold we no longer want. */
    public record FollowUp(UUID paymentId, String providerPaymentId) {
    }

    /**
     * Applies a {@code payment_intent.*} event. Answers a follow-up when the provider holds money for
     * a payment we consider failed or voided (it authorised after a timeout, say): that hold must go.
     */
    public Optional<FollowUp> intent(String eventType, IntentState intent) {
        Optional<Payment> found = payments.lockByProviderId(calls.gateway().provider(), intent.id());
        if (found.isEmpty() && intent.tiendaPaymentId() != null) {
            found = payments.lock(intent.tiendaPaymentId());
        }
        if (found.isEmpty()) {
            log.info("webhook {} for intent {} matches no payment; ignored", eventType, intent.id());
            return Optional.empty();
        }
        Payment payment = found.get();
        Instant now = clock.instant();
        String status = intent.status() == null ? "" : intent.status();
        switch (status) {
            case "requires_capture" -> {
                if (isWaiting(payment) && payment.pendingAction() == PendingAction.VOID) {
                    // The shopper completed 3-D Secure after the saga gave up: the hold must go.
                    return Optional.of(new FollowUp(payment.id(), intent.id()));
                }
                if (isWaiting(payment)) {
                    authorize(payment, intent, now);
                } else if (payment.status() == PaymentStatus.FAILED || payment.status() == PaymentStatus.VOIDED) {
                    return Optional.of(new FollowUp(payment.id(), intent.id()));
                }
            }
            case "succeeded" -> {
                Payment current = isWaiting(payment) ? authorize(payment, intent, now) : payment;
                if (current.status() == PaymentStatus.AUTHORIZED) {
                    boolean sagaAsked = current.pendingAction() == PendingAction.CAPTURE;
                    long received = intent.amountReceived() > 0 ? intent.amountReceived() : current.amount();
                    Payment next = current.captured(Math.min(received, current.amount()), now);
                    payments.save(next);
                    steps.announce(current.status(), next);
                    if (sagaAsked) {
                        replies.reply(next.orderId(), new PaymentCaptured(next.orderId(), next.id().toString(),
                                PaymentSteps.money(next, next.capturedAmount())));
                    }
                }
            }
            case "requires_action" -> {
                if (payment.status() == PaymentStatus.PENDING) {
                    Payment next = payment.actionRequired(intent.id(), intent.nextAction(), now);
                    payments.save(next);
                    replies.reply(next.orderId(), PaymentSteps.answerToAuthorize(next));
                }
            }
            case "requires_payment_method" -> {
                if (isWaiting(payment) && "payment_intent.payment_failed".equals(eventType)) {
                    fail(payment, intent, now);
                }
            }
            case "canceled" -> {
                // A payment waiting for 3-D Secure that the saga asked to void was cancelled by that void.
                boolean ourVoid = payment.status() == PaymentStatus.REQUIRES_ACTION
                        && payment.pendingAction() == PendingAction.VOID;
                if (isWaiting(payment) && !ourVoid) {
                    fail(payment, intent, now);
                } else if (payment.status() == PaymentStatus.AUTHORIZED || ourVoid) {
                    Payment next = payment.voided(now);
                    payments.save(next);
                    steps.announce(payment.status(), next);
                    replies.reply(next.orderId(), new PaymentVoided(next.orderId(), next.id().toString(),
                            payment.failureReason() == null ? "canceled at the provider" : payment.failureReason()));
                }
            }
            default -> log.debug("webhook {} for payment {} in status {}: nothing to apply", eventType,
                    payment.id(), status);
        }
        return Optional.empty();
    }

    /** Releases a hold the provider keeps for a payment we gave up; the key is the payment's cancel key. */
    public void release(FollowUp followUp) {
        // Not the saga's cancel key: that one may have been answered with a refusal the provider would replay.
        String key = ProviderCalls.key(followUp.paymentId(), "release");
        try {
            Cancel answer = calls.call(followUp.paymentId(), "CANCEL", key, null,
                    gateway -> gateway.cancel(followUp.providerPaymentId(), key));
            log.info("payment {} was given up but the provider authorised it; released: {}", followUp.paymentId(),
                    answer.getClass().getSimpleName());
        } catch (ProviderUnavailableException e) {
            log.warn("payment {}: could not release a stray authorisation yet", followUp.paymentId());
        }
    }

    /**
     * A refund object from a {@code refund.*} or {@code charge.refund*} event: its status ({@code failed}
     * and {@code canceled} both mean the money did not reach the customer) and, for a failure, Stripe's
     * {@code failure_reason}, with when the provider made the refund and the event (null if not told).
     */
    public void refund(String providerPaymentId, String providerRefundId, UUID ourRefundId, long amount,
            String status, String failureReason, Instant createdAt, Instant reportedAt) {
        String stated = status == null ? "" : status;
        RefundStatus mapped = switch (stated) {
            case "succeeded" -> RefundStatus.SUCCEEDED;
            case "failed", "canceled" -> RefundStatus.FAILED;
            default -> RefundStatus.PENDING;
        };
        String why = failureReason != null ? failureReason
                : "canceled".equals(stated) ? "canceled at the provider" : null;
        refunds.providerRefund(providerPaymentId, providerRefundId, ourRefundId, amount, mapped, why, createdAt,
                reportedAt);
    }

    /**
     * A charge's refunded total ({@code charge.refunded}) as the provider stated it at {@code statedAt} (null
     * if not told): what the ledger lacks was refunded elsewhere.
     */
    public void refundedTotal(String providerPaymentId, String chargeId, long amountRefunded, Instant statedAt) {
        refunds.providerRefundedTotal(providerPaymentId, chargeId, amountRefunded, statedAt);
    }

    private static boolean isWaiting(Payment payment) {
        return payment.status() == PaymentStatus.PENDING || payment.status() == PaymentStatus.REQUIRES_ACTION;
    }

    private Payment authorize(Payment payment, IntentState intent, Instant now) {
        Instant holdUntil = intent.captureBefore() != null ? intent.captureBefore() : now.plus(properties.defaultHold());
        Payment next = payment.authorized(intent.id(), holdUntil, now);
        payments.save(next);
        steps.announce(payment.status(), next);
        replies.reply(next.orderId(), PaymentSteps.answerToAuthorize(next));
        return next;
    }

    private void fail(Payment payment, IntentState intent, Instant now) {
        String code = intent.errorCode() == null ? "canceled" : intent.errorCode();
        String reason = intent.errorMessage() == null ? code : code + ": " + intent.errorMessage();
        Payment next = payment.failed(intent.id(), reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                intent.declineCode(), now);
        payments.save(next);
        steps.announce(payment.status(), next);
        replies.reply(next.orderId(), PaymentSteps.answerToAuthorize(next));
    }
}
