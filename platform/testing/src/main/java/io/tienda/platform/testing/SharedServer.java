package io.tienda.platform.testing;

import java.util.function.Supplier;

import io.tienda.platform.testing.infra.Server;

/** A server created and started on first use, at most once per JVM, and closed when the JVM exits. */
final class SharedServer<T extends Server> {

    private final Supplier<T> factory;

    private T server;

    SharedServer(Supplier<T> factory) {
        this.factory = factory;
    }

    synchronized T get() {
        if (server == null) {
            T created = factory.get();
            try {
                created.start();
            }
            catch (RuntimeException ex) {
                created.close();
                throw ex;
            }
            ShutdownHook.closeOnExit(created);
            server = created;
        }
        return server;
    }

}
