package io.tienda.order.orders.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the shopper must do before the payment can complete, e.g. {@code redirect_to_url} for 3-D
 * Secure, with where to go, the client secret for Stripe.js ({@code use_stripe_sdk}) and until when
 * the order waits for it. The client secret is for the shopper's browser only.
 */
public record NextAction(String type, String url, String clientSecret, Instant expiresAt) {

    public NextAction {
        Objects.requireNonNull(type, "type");
    }

    public NextAction until(Instant deadline) {
        return new NextAction(type, url, clientSecret, deadline);
    }

    /** The same without the client secret, for anyone but the shopper. */
    public NextAction withoutSecret() {
        return new NextAction(type, url, null, expiresAt);
    }

    @Override
    public String toString() {
        return "NextAction[type=" + type + ", url=" + url + ", expiresAt=" + expiresAt + "]";
    }
}
