package io.tienda.platform.testing;

import java.util.ArrayDeque;
import java.util.Deque;

import io.tienda.platform.testing.infra.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One JVM shutdown hook that closes the shared servers, the last started first. */
final class ShutdownHook {

    private static final Logger log = LoggerFactory.getLogger(ShutdownHook.class);

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

}
