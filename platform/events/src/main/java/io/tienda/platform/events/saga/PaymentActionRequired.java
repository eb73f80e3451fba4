package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/**
 * Reply: the provider needs the shopper to act (3-D Secure) before the amount is authorised. The
 * client follows {@code nextActionUrl} (a redirect) or hands {@code clientSecret} to Stripe.js
 * ({@code use_stripe_sdk}); the outcome arrives later as {@code payment.authorized} or {@code payment.failed}.
 */
@EventType("payment.action_required")
public record PaymentActionRequired(UUID orderId, String paymentId, String nextActionType, String nextActionUrl,
        String clientSecret) {

    /** The client secret is for the shopper's browser only: kept out of logs. */
    @Override
    public String toString() {
        return "PaymentActionRequired[orderId=" + orderId + ", paymentId=" + paymentId + ", nextActionType="
                + nextActionType + "]";
    }
}
