package io.tienda.platform.testing.infra;

import io.tienda.platform.core.DaemonThreads;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The small loopback HTTP servers of the local fleet that answer in JSON (the mail reader, the
 * trace collector): one daemon thread each, and one way to write an answer.
 */
public final class JsonHttpServer {

    private JsonHttpServer() {
    }

    /**
     * Serves {@code handler} on 127.0.0.1:{@code port} (0 for any free port) from one daemon thread.
     *
     * @param what named in the thread and in the error when the port is taken
     */
    public static HttpServer start(int port, String what, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            server.createContext("/", handler);
            server.setExecutor(Executors.newSingleThreadExecutor(DaemonThreads.named(what)));
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot serve the " + what + " on port " + port, ex);
        }
    }

    /** Writes {@code json} as the whole answer, with its length and a JSON content type. */
    public static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
