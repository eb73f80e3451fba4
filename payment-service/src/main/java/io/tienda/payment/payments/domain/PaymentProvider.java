package io.tienda.payment.payments.domain;

/** Who moved the money: Stripe, or the simulated provider of the local fleet. */
public enum PaymentProvider {
    STRIPE,
    SIMULATED
}
