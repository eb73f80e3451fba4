package io.tienda.payment.payments;

/**
 * The second half of a saga step, after the provider was called: applies the provider's answer to
 * the payment in the caller's transaction (with the inbox row of the command) and answers the reply
 * it published, or null when the reply comes later (3-D Secure, a provider that did not answer).
 * Running it again applies nothing twice and publishes the same reply again.
 */
@FunctionalInterface
public interface Settlement {

    Object settle();
}
