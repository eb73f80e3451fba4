package io.tienda.payment.payments.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The port to whoever moves the money: Stripe, or the simulated provider of the local fleet. Every
 * call carries an idempotency key that the caller stored before calling, so a retry after a lost
 * answer gets the first answer instead of moving money twice. A call whose outcome is unknown
 * (timeout, provider error after retries) throws {@link ProviderUnavailableException}.
 */
public interface PaymentGateway {

    PaymentProvider provider();

    /** Creates and confirms a manual-capture authorisation of the amount on the payment method. */
    Authorization authorize(AuthorizationRequest request, String idempotencyKey);

    /** Captures {@code amount} (at most what is authorised) of an authorisation. */
    Capture capture(String providerPaymentId, long amount, String idempotencyKey);

    /** Releases an authorisation (or abandons one waiting for the shopper) without taking money. */
    Cancel cancel(String providerPaymentId, String idempotencyKey);

    /** Sends {@code amount} of a captured payment back; {@code refundId} is ours, kept by the provider. */
    RefundOutcome refund(String providerPaymentId, UUID refundId, long amount, String idempotencyKey);

    /**
     * What to authorise. The payment method is the provider's token (e.g. {@code pm_...}), never
     * card data, and is still kept out of logs.
     */
    record AuthorizationRequest(UUID paymentId, UUID orderId, long amount, String currency, String paymentMethod) {

        @Override
        public String toString() {
            return "AuthorizationRequest[paymentId=" + paymentId + ", orderId=" + orderId + ", amount=" + amount
                    + " " + currency + "]";
        }
    }

    /** The provider's answer to an authorisation. */
    sealed interface Authorization {
    }

    /** The amount is held until {@code captureBefore} (null when the provider did not say). */
    record Authorized(String providerPaymentId, Instant captureBefore) implements Authorization {
    }

    /** The shopper must authenticate first; the outcome comes later by webhook. */
    record ActionRequired(String providerPaymentId, NextAction nextAction) implements Authorization {
    }

    /** The provider is still working on it; the outcome comes later by webhook. */
    record Processing(String providerPaymentId) implements Authorization {
    }

    /**
     * Declined or refused: nothing is held.
     *
     * @param providerPaymentId null when the provider created nothing
     * @param code              the provider's error code, e.g. {@code card_declined}
     * @param declineCode       the issuer's reason, e.g. {@code insufficient_funds}
     */
    record Declined(String providerPaymentId, String code, String declineCode, String message)
            implements Authorization {
    }

    /** The provider's answer to a capture. */
    sealed interface Capture {
    }

    record Captured(long amountCaptured) implements Capture {
    }

    /** Refused, e.g. the authorisation expired or was cancelled at the provider. */
    record CaptureRefused(String code, String message, boolean authorizationGone) implements Capture {
    }

    /** The provider's answer to a cancellation. */
    sealed interface Cancel {
    }

    record Canceled() implements Cancel {
    }

    /** Refused, e.g. the money was already captured. */
    record CancelRefused(String code, String message) implements Cancel {
    }

    /** The provider's answer to a refund. */
    record RefundOutcome(String providerRefundId, RefundStatus status, String failureReason) {
    }
}
