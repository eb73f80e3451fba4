package io.tienda.payment.payments.domain;

/**
 * The provider did not answer in time or answered with a server error, after the retries: the
 * outcome of the call is unknown. Retrying with the same idempotency key is always safe.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
