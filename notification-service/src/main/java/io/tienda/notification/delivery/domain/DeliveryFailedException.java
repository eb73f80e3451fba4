package io.tienda.notification.delivery.domain;

/**
 * A channel could not hand a message over. Most failures pass (relay down, timed out, "try again
 * later", the relay refusing us: credentials, TLS, quota) and the sender retries with backoff; a
 * <em>permanent</em> one (the recipient's address refused for good, SMTP 5xx to {@code RCPT TO}) would
 * be refused again on every retry, so the message is given up at once.
 */
public class DeliveryFailedException extends RuntimeException {

    private final boolean permanent;

    public DeliveryFailedException(String reason, Throwable cause) {
        this(reason, cause, false);
    }

    private DeliveryFailedException(String reason, Throwable cause, boolean permanent) {
        super(reason, cause);
        this.permanent = permanent;
    }

    /** A failure no retry can cure. */
    public static DeliveryFailedException permanent(String reason, Throwable cause) {
        return new DeliveryFailedException(reason, cause, true);
    }

    public boolean permanent() {
        return permanent;
    }
}
