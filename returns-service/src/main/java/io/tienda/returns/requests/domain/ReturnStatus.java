package io.tienda.returns.requests.domain;

import io.tienda.platform.core.Transitions;

/**
 * {@code REQUESTED} by the customer; support {@code APPROVED} or {@code REJECTED} it; the
 * warehouse {@code RECEIVED} the items and {@code INSPECTED} them line by line; it ends
 * {@code REFUNDED} (once payment-service confirms the refund) or {@code EXCHANGED} (once the
 * replacement order is confirmed), or {@code REJECTED} when the inspection accepted nothing. The
 * customer may withdraw it ({@code CANCELLED}) until the items are received. A refund that payment-service
 * confirmed and whose provider failed it afterwards takes the return from {@code REFUNDED} back to
 * {@code INSPECTED} with a failed refund, for staff to ask again; a replacement order that order-service
 * cancels after it was confirmed takes an {@code EXCHANGED} return back to {@code INSPECTED} with a failed
 * exchange, for staff to refund instead. No staff action makes either move.
 */
public enum ReturnStatus {
    REQUESTED,
    APPROVED,
    REJECTED,
    RECEIVED,
    INSPECTED,
    REFUNDED,
    EXCHANGED,
    CANCELLED;

    /** The only moves a return makes; {@link ReturnRequest} refuses every other. */
    static final Transitions<ReturnStatus> MOVES = Transitions.of(ReturnStatus.class)
            .allow(REQUESTED, APPROVED, REJECTED, CANCELLED)
            .allow(APPROVED, RECEIVED, CANCELLED)
            .allow(RECEIVED, INSPECTED)
            .allow(INSPECTED, REFUNDED, EXCHANGED, REJECTED)
            .allow(REFUNDED, INSPECTED)
            .allow(EXCHANGED, INSPECTED);

    public boolean isFinal() {
        return MOVES.isFinal(this);
    }

    /** Whether the units of this return still count against what the order may send back. */
    public boolean holdsUnits() {
        return this != REJECTED && this != CANCELLED;
    }
}
