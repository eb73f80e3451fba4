package io.tienda.payment.payments.domain;

/** A move the saga asked for that the provider has not confirmed yet; the sweeper retries it. */
public enum PendingAction {
    CAPTURE,
    VOID
}
