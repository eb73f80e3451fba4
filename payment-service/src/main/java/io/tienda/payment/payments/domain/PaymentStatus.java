package io.tienda.payment.payments.domain;

import io.tienda.platform.core.Transitions;

/**
 * {@code PENDING} until the provider answers; the provider may first ask the shopper to authenticate
 * ({@code REQUIRES_ACTION}, 3-D Secure); an authorisation holds the money ({@code AUTHORIZED}) until
 * it is captured or voided; captured money may later be refunded in part or in full.
 */
public enum PaymentStatus {
    PENDING,
    AUTHORIZED,
    CAPTURED,
    FAILED,
    VOIDED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    /** The shopper must complete an authentication (3-D Secure) the provider asked for. */
    REQUIRES_ACTION;

    /**
     * The only moves a payment makes; {@link Payment} refuses every other. A failed or voided
     * payment took no money, so nothing follows it; captured money may only go back. A refund the
     * provider settled may still fail there later (the card was closed, say): the money never reached
     * the customer, so the payment goes back from {@code REFUNDED} or {@code PARTIALLY_REFUNDED} to
     * what its remaining refunds make it, down to {@code CAPTURED}.
     */
    static final Transitions<PaymentStatus> MOVES = Transitions.of(PaymentStatus.class)
            .allow(PENDING, AUTHORIZED, FAILED, REQUIRES_ACTION)
            .allow(REQUIRES_ACTION, AUTHORIZED, FAILED, VOIDED)
            .allow(AUTHORIZED, CAPTURED, VOIDED, FAILED)
            .allow(CAPTURED, PARTIALLY_REFUNDED, REFUNDED)
            .allow(PARTIALLY_REFUNDED, PARTIALLY_REFUNDED, REFUNDED, CAPTURED)
            .allow(REFUNDED, PARTIALLY_REFUNDED, CAPTURED);

    /** No move leaves it: failed and voided payments, which took no money. */
    public boolean isFinal() {
        return MOVES.isFinal(this);
    }

    /** Money was taken: it can only go back by refunds. */
    public boolean isCaptured() {
        return this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    /** The payment still counts for its order: at most one such payment per order. */
    public boolean isLive() {
        return this != FAILED && this != VOIDED;
    }
}
