package io.tienda.payment.simulator.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A PaymentIntent of the simulated provider, following Stripe's state machine for manual capture.
 * Amounts in minor units; {@code amountCapturable} is what an authorisation holds.
 */
public record SimulatedIntent(String id, long amount, String currency, String paymentMethod, IntentStatus status,
        long amountCapturable, long amountReceived, long amountRefunded, Instant captureBefore, String clientSecret,
        Map<String, String> metadata, String lastErrorCode, String lastDeclineCode, String lastErrorMessage,
        String cancellationReason, Instant createdAt) {

    /** Stripe holds a card authorisation for seven days. */
    public static final Duration HOLD = Duration.ofDays(7);

    public SimulatedIntent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The payment method is a provider token, never card data; still kept out of logs. */
    @Override
    public String toString() {
        return "SimulatedIntent[id=" + id + ", status=" + status + ", amount=" + amount + " " + currency + "]";
    }

    /** Created and confirmed in one go with the behaviour of its test payment method. */
    public static SimulatedIntent confirmed(String id, long amount, String currency, String paymentMethod,
            String clientSecret, Map<String, String> metadata, TestPaymentMethods.Behaviour behaviour, Instant now) {
        SimulatedIntent created = new SimulatedIntent(id, amount, currency, paymentMethod,
                IntentStatus.REQUIRES_PAYMENT_METHOD, 0, 0, 0, null, clientSecret, metadata, null, null, null, null,
                now);
        if (behaviour instanceof TestPaymentMethods.Succeeds) {
            return created.held(now);
        }
        if (behaviour instanceof TestPaymentMethods.RequiresAuthentication) {
            return created.to(IntentStatus.REQUIRES_ACTION);
        }
        if (behaviour instanceof TestPaymentMethods.Declines declines) {
            return created.declined("card_declined", declines.declineCode(), declines.message());
        }
        return created.declined("payment_method_unexpected_state", null, "The payment method cannot be used.");
    }

    /** The shopper completed (or failed) the 3-D Secure challenge. */
    public SimulatedIntent authenticated(boolean passed, Instant now) {
        require(IntentStatus.REQUIRES_ACTION, "authenticate");
        return passed ? held(now) : declined("payment_intent_authentication_failure", null,
                "The provided PaymentMethod has failed authentication.");
    }

    public SimulatedIntent captured(long amountToCapture) {
        if (status != IntentStatus.REQUIRES_CAPTURE) {
            throw unexpectedState("capture");
        }
        if (amountToCapture <= 0 || amountToCapture > amountCapturable) {
            throw SimulatedProviderException.invalid("amount_too_large",
                    "The amount to capture must be at most " + amountCapturable);
        }
        return new SimulatedIntent(id, amount, currency, paymentMethod, IntentStatus.SUCCEEDED, 0, amountToCapture,
                amountRefunded, captureBefore, clientSecret, metadata, lastErrorCode, lastDeclineCode,
                lastErrorMessage, cancellationReason, createdAt);
    }

    public SimulatedIntent canceled(String reason) {
        if (!status.allows(IntentStatus.CANCELED)) {
            throw unexpectedState("cancel");
        }
        return new SimulatedIntent(id, amount, currency, paymentMethod, IntentStatus.CANCELED, 0, amountReceived,
                amountRefunded, captureBefore, clientSecret, metadata, lastErrorCode, lastDeclineCode,
                lastErrorMessage, reason, createdAt);
    }

    public SimulatedIntent refunded(long refund) {
        if (status != IntentStatus.SUCCEEDED) {
            throw SimulatedProviderException.invalid("charge_not_captured",
                    "This PaymentIntent has no captured charge to refund.");
        }
        if (refund <= 0 || amountRefunded + refund > amountReceived) {
            throw SimulatedProviderException.invalid("charge_already_refunded",
                    "Refund amount exceeds what remains of the charge (" + (amountReceived - amountRefunded) + ").");
        }
        return new SimulatedIntent(id, amount, currency, paymentMethod, status, amountCapturable, amountReceived,
                amountRefunded + refund, captureBefore, clientSecret, metadata, lastErrorCode, lastDeclineCode,
                lastErrorMessage, cancellationReason, createdAt);
    }

    /** A refund of this intent failed after it had succeeded: its amount is no longer refunded. */
    public SimulatedIntent refundFailed(long refund) {
        return new SimulatedIntent(id, amount, currency, paymentMethod, status, amountCapturable, amountReceived,
                Math.max(0, amountRefunded - refund), captureBefore, clientSecret, metadata, lastErrorCode,
                lastDeclineCode, lastErrorMessage, cancellationReason, createdAt);
    }

    public boolean declinedOnConfirm() {
        return status == IntentStatus.REQUIRES_PAYMENT_METHOD && lastErrorCode != null;
    }

    private SimulatedIntent held(Instant now) {
        return new SimulatedIntent(id, amount, currency, paymentMethod, IntentStatus.REQUIRES_CAPTURE, amount, 0, 0,
                now.plus(HOLD), clientSecret, metadata, null, null, null, null, createdAt);
    }

    private SimulatedIntent declined(String code, String declineCode, String message) {
        return new SimulatedIntent(id, amount, currency, paymentMethod, IntentStatus.REQUIRES_PAYMENT_METHOD, 0, 0, 0,
                null, clientSecret, metadata, code, declineCode, message, null, createdAt);
    }

    private SimulatedIntent to(IntentStatus next) {
        return new SimulatedIntent(id, amount, currency, paymentMethod, next, amountCapturable, amountReceived,
                amountRefunded, captureBefore, clientSecret, metadata, lastErrorCode, lastDeclineCode,
                lastErrorMessage, cancellationReason, createdAt);
    }

    private void require(IntentStatus expected, String what) {
        if (status != expected) {
            throw unexpectedState(what);
        }
    }

    private SimulatedProviderException unexpectedState(String what) {
        return SimulatedProviderException.invalid("payment_intent_unexpected_state",
                "You cannot " + what + " this PaymentIntent because it has a status of " + status.stripeName() + ".");
    }
}
