package io.tienda.platform.messaging;

/**
 * A store or service the handler needs could not take the work now (it is down, unreachable or
 * overloaded), whatever the message says. A message whose handling fails with it is delivered again
 * until it goes through, never dead-lettered: the message is not at fault. Handlers throw it for the
 * stores the platform cannot recognise by itself (a database's own connection failures already
 * count, see {@link Outages}).
 */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
