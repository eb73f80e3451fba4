package io.tienda.order.saga.domain;

/** How a checkout ended, or is ending. */
public enum SagaOutcome {
    /** Paid, committed, ready to ship. */
    COMPLETED,
    /** The stock was not there: nothing to undo. */
    REJECTED,
    /** Payment failed, a step timed out, or the customer or staff cancelled: what was done is undone. */
    CANCELLED
}
