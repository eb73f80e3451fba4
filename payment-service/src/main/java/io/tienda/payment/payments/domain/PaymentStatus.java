package io.tienda.payment.payments.domain;

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
    REFUNDED
}
