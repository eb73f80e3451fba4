package io.tienda.returns.requests.domain;

/**
 * Where an inspected return's refund or replacement stands while it is {@code INSPECTED}: asked for
 * and awaited, or failed (staff may ask again, or switch a failed exchange to a refund).
 */
public enum Settlement {
    REFUND_PENDING,
    REFUND_FAILED,
    EXCHANGE_PENDING,
    EXCHANGE_FAILED
}
