package io.tienda.returns.requests.domain;

import io.tienda.platform.core.Transitions;

/**
 * {@code REQUESTED} by the customer; support {@code APPROVED} or {@code REJECTED} it; the
 * warehouse {@code RECEIVED} the items; it ends {@code REFUNDED} or {@code EXCHANGED}. The
 * customer may withdraw it ({@code CANCELLED}) until the items are received.
 */
public enum ReturnStatus {
    REQUESTED,
    APPROVED,
    REJECTED,
    RECEIVED,
    REFUNDED,
    EXCHANGED,
    CANCELLED;

    /** The only moves a return makes; {@link ReturnRequest} refuses every other. */
    static final Transitions<ReturnStatus> MOVES = Transitions.of(ReturnStatus.class)
            .allow(REQUESTED, APPROVED, REJECTED, CANCELLED)
            .allow(APPROVED, RECEIVED, CANCELLED)
            .allow(RECEIVED, REFUNDED, EXCHANGED);

    public boolean isFinal() {
        return MOVES.isFinal(this);
    }
}
