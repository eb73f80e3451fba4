package io.tienda.payment.payments.domain;

import io.tienda.platform.core.Transitions;

/**
 * {@code PENDING} until the provider answers; an authorisation holds the money ({@code AUTHORIZED})
 * until it is captured or voided; captured money may later be refunded in part or in full.
 */
public enum PaymentStatus {
    PENDING,
    AUTHORIZED,
    CAPTURED,
    FAILED,
    VOIDED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    /**
     * The only moves a payment makes; {@link Payment} refuses every other. A failed or voided
     * payment took no money, so nothing follows it; captured money may only go back.
     */
    static final Transitions<PaymentStatus> MOVES = Transitions.of(PaymentStatus.class)
            .allow(PENDING, AUTHORIZED, FAILED)
            .allow(AUTHORIZED, CAPTURED, VOIDED, FAILED)
            .allow(CAPTURED, PARTIALLY_REFUNDED, REFUNDED)
            .allow(PARTIALLY_REFUNDED, PARTIALLY_REFUNDED, REFUNDED);

    public boolean isFinal() {
        return MOVES.isFinal(this);
    }
}
