package io.tienda.returns.requests.domain;

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
    CANCELLED
}
