package io.tienda.platform.messaging;

/** A message that will fail however often it is retried; it is dead-lettered at once. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
