package io.tienda.platform.testing.infra;

import java.util.function.Supplier;

/**
 * A server the platform talks to, started either in this JVM, as a child process or as a container.
 * Every implementation can be stopped and started again on the same ports with the same data, so a
 * test can simulate an outage.
 */
public interface Server extends AutoCloseable {

    /** A short human name, e.g. {@code "PostgreSQL"}. */
    String name();

    /** Starts the server; does nothing when it already runs. */
    void start();

    /** Stops the server and keeps its data, so that {@link #start()} brings it back as it was. */
    void stop();

    boolean isRunning();

    /** Stops the server and deletes its data when that data lives in a temporary directory. */
    @Override
    void close();

    /**
     * Runs {@code outage} while the server is down and starts it again afterwards, even when
     * {@code outage} fails.
     */
    default void whileStopped(Runnable outage) {
        whileStopped(() -> {
            outage.run();
            return null;
        });
    }

    /** Like {@link #whileStopped(Runnable)}, handing back what {@code outage} answers. */
    default <T> T whileStopped(Supplier<T> outage) {
        stop();
        try {
            return outage.get();
        }
        finally {
            start();
        }
    }

}
