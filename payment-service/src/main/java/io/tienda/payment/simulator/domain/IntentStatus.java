package io.tienda.payment.simulator.domain;

import io.tienda.platform.core.Transitions;

import java.util.Locale;

/**
 * Stripe's PaymentIntent statuses, as far as a manual-capture card payment goes: created and
 * confirmed at once, it needs a new payment method (declined), an action (3-D Secure) or a capture;
 * it ends captured ({@code succeeded}) or {@code canceled}.
 */
public enum IntentStatus {
    REQUIRES_PAYMENT_METHOD,
    REQUIRES_ACTION,
    PROCESSING,
    REQUIRES_CAPTURE,
    CANCELED,
    SUCCEEDED;

    static final Transitions<IntentStatus> MOVES = Transitions.of(IntentStatus.class)
            .allow(REQUIRES_PAYMENT_METHOD, CANCELED)
            .allow(REQUIRES_ACTION, REQUIRES_CAPTURE, REQUIRES_PAYMENT_METHOD, CANCELED)
            .allow(PROCESSING, REQUIRES_CAPTURE, REQUIRES_PAYMENT_METHOD, CANCELED)
            .allow(REQUIRES_CAPTURE, SUCCEEDED, CANCELED);

    public boolean allows(IntentStatus next) {
        return MOVES.allows(this, next);
    }

    /** As Stripe writes it, e.g. {@code requires_capture}. */
    public String stripeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IntentStatus fromStripe(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
