package io.tienda.platform.messaging;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Whether a listener's failure says a dependency is down rather than that the message is bad. Such a
 * failure is retried until the dependency is back; dead-lettering it would lose a good message, since
 * nothing reads the dead-letter topics on its own.
 *
 * <p>Recognised anywhere in the cause chain: {@link DependencyUnavailableException}; Spring's
 * translation of a store that cannot be reached or answers too late (PostgreSQL, MongoDB and Redis
 * connection failures, a transaction that could not get a connection, a query timeout); and the
 * network's own connect, route, name and timeout failures. Optimistic-lock conflicts, constraint
 * violations and the like are not outages: they keep the ordinary retry budget.
 */
final class Outages {

    private static final List<Class<? extends Throwable>> OUTAGES = List.of(DependencyUnavailableException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, CannotCreateTransactionException.class, ConnectException.class,
            NoRouteToHostException.class, UnknownHostException.class, SocketTimeoutException.class,
            HttpTimeoutException.class, TimeoutException.class);

    private Outages() {
    }

    /** The innermost cause's type and message, for a one-line log. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> outage : OUTAGES) {
                if (outage.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }
}
