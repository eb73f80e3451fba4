package io.tienda.platform.testing.infra;

/**
 * The lifecycle the embedded servers share: {@link #start()} launches the server unless it runs,
 * {@link #stop()} shuts it down and forgets it even when shutting down fails, and {@link #close()}
 * also deletes the data directory when that is temporary.
 *
 * @param <H> what a running server is known by, e.g. its child process
 */
abstract class EmbeddedServer<H> implements Server {

    /** Where the server keeps its data; null when it keeps nothing this class should delete. */
    final DataDir root;

    private H running;

    EmbeddedServer(DataDir root) {
        this.root = root;
    }

    /** Starts the server and answers once it serves; on failure leaves nothing running behind. */
    abstract H launch();

    /** Stops what {@link #launch()} started. */
    abstract void shutdown(H server);

    @Override
    public final synchronized void start() {
        if (running == null) {
            running = launch();
        }
    }

    @Override
    public final synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            shutdown(running);
        }
        finally {
            running = null;
        }
    }

    @Override
    public final synchronized boolean isRunning() {
        return running != null;
    }

    @Override
    public final synchronized void close() {
        try {
            stop();
        }
        finally {
            if (root != null) {
                root.deleteIfTemporary();
            }
        }
    }

    /** The running server, or null while it is stopped. */
    final synchronized H running() {
        return running;
    }

}
