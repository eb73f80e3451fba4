package io.tienda.notification.delivery.domain;

/** A channel could not hand a message over (relay down, refused, timed out); the sender retries later. */
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
