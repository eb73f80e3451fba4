package io.tienda.platform.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for another service that the widget service calls through
 * discovery. {@code /stock} answers; {@code /flaky} fails with 503 until it has been asked
 * {@link #failFirst(int)} times; every call is counted.
 */
final class OtherService {

    static final OtherService INSTANCE = new OtherService();

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    private OtherService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/stock", exchange -> answer(exchange, 200, "{\"available\":5}"));
        server.createContext("/flaky", exchange -> {
            if (failuresLeft.getAndDecrement() > 0) {
                answer(exchange, 503, "{}");
            } else {
                answer(exchange, 200, "{\"available\":7}");
            }
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "other-service-stop"));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Resets the call count and makes the next {@code n} calls to /flaky fail. */
    void failFirst(int n) {
        calls.set(0);
        failuresLeft.set(n);
    }

    int calls() {
        return calls.get();
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        calls.incrementAndGet();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
