package io.tienda.platform.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import io.tienda.platform.testing.infra.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JVM shutdown hook that closes the shared servers, the last started first, once the test JVM's
 * Spring contexts are closed.
 */
final class ShutdownHook {

    private static final Logger log = LoggerFactory.getLogger(ShutdownHook.class);

    /**
     * The threads in which Spring Boot and Spring close their contexts at exit. The JVM runs every
     * shutdown hook at once: a context closing while its broker is already gone has its Kafka consumers
     * look for that broker until their close times out, and the test JVM outlived Surefire's wait for
     * it (30 s) and was killed.
     */
    static final Set<String> CONTEXT_HOOKS = Set.of("SpringApplicationShutdownHook", "SpringContextShutdownHook");

    /** How long the servers wait for the contexts; below Surefire's 30 s for the whole exit. */
    static final Duration CONTEXTS_CLOSE_WITHIN = Duration.ofSeconds(20);

    /** How long the servers' hook looks for Spring's, which the JVM may not have started yet. */
    static final Duration LOOK_FOR_CONTEXTS = Duration.ofMillis(200);

    private static final Deque<Server> SERVERS = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ShutdownHook::closeAll, "tienda-infra-shutdown"));
    }

    private ShutdownHook() {
    }

    static void closeOnExit(Server server) {
        synchronized (SERVERS) {
            SERVERS.push(server);
        }
    }

    private static void closeAll() {
        awaitContexts();
        synchronized (SERVERS) {
            while (!SERVERS.isEmpty()) {
                Server server = SERVERS.pop();
                try {
                    server.close();
                }
                catch (RuntimeException ex) {
                    log.warn("Could not stop {}", server, ex);
                }
            }
        }
    }

    /**
     * Waits for Spring's hooks to end, within {@link #CONTEXTS_CLOSE_WITHIN}. The JVM starts the hooks one
     * after the other, so this one may run before Spring's have started: it looks for them for a moment.
     */
    private static void awaitContexts() {
        long started = System.nanoTime();
        long lookUntil = started + LOOK_FOR_CONTEXTS.toNanos();
        long deadline = started + CONTEXTS_CLOSE_WITHIN.toNanos();
        while (true) {
            List<Thread> hooks = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && CONTEXT_HOOKS.contains(thread.getName()))
                .toList();
            long now = System.nanoTime();
            if (!hooks.isEmpty()) {
                if (!awaitContextHooks(hooks, Duration.ofNanos(Math.max(0, deadline - now)))) {
                    return;
                }
            }
            else if (now >= lookUntil) {
                return;
            }
            else {
                try {
                    Thread.sleep(10);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Waits for each of {@code hooks} to end, all of them within {@code within}; false if one did not. */
    static boolean awaitContextHooks(List<Thread> hooks, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        for (Thread hook : hooks) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    hook.join(Math.max(1, left / 1_000_000));
                }
                if (hook.isAlive()) {
                    log.warn("{} still running after {}; stopping the servers anyway", hook.getName(), within);
                    return false;
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

}
