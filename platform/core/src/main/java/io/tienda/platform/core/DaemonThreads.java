package io.tienda.platform.core;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads a service starts for its own background work: named, so that a thread dump or a log line says
 * whose they are, and daemons, so that none of them keeps a stopping JVM alive.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads named {@code name-1}, {@code name-2}, … in the order they are made. */
    public static ThreadFactory named(String name) {
        Objects.requireNonNull(name, "name");
        AtomicInteger made = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
