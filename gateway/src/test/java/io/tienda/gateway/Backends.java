package io.tienda.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real HTTP servers standing in for the services behind the gateway, one per service on its own
 * loopback port. Each records what it received and answers by path:
 * <ul>
 *   <li>{@code /v3/api-docs}: a minimal OpenAPI document titled with the service name;</li>
 *   <li>{@code .../status/<code>}: that status with a problem body of its own;</li>
 *   <li>{@code .../flaky/<token>}: 503 on the first call for the token, 200 after;</li>
 *   <li>{@code .../slow/<millis>}: 200 with the echo below, after that many milliseconds;</li>
 *   <li>anything else: 200 with a JSON echo and an ETag.</li>
 * </ul>
 */
public final class Backends {

    /** Registered at a port where nothing listens. */
    public static final String DOWN = "analytics-service";

    /** Not registered at all: discovery knows no instance. */
    public static final String MISSING = "notification-service";

    public static final List<String> LIVE = List.of("product-service", "cart-service", "order-service",
            "payment-service", "user-service", "inventory-service", "returns-service");

    private static final Backends INSTANCE = new Backends();

    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> flakyCalls = new ConcurrentHashMap<>();
    private final int deadPort;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-backend-later");
        thread.setDaemon(true);
        return thread;
    });

    private Backends() {
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "test-backend");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (String service : LIVE) {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/", exchange -> answer(service, exchange));
                server.setExecutor(executor);
                server.start();
                servers.put(service, server);
            }
            try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                deadPort = unused.getLocalPort();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start the test backends", e);
        }
    }

    public static Backends get() {
        return INSTANCE;
    }

    public URI uri(String service) {
        if (service.equals(DOWN)) {
            return URI.create("http://127.0.0.1:" + deadPort);
        }
        return URI.create("http://127.0.0.1:" + servers.get(service).getAddress().getPort());
    }

    /** What the backends received at exactly this path (query string excluded). */
    public List<Received> at(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void answer(String service, HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        received.add(new Received(service, exchange.getRequestMethod(), path, headers, body.length));

        exchange.getResponseHeaders().add("X-Backend", service);
        if (path.equals("/v3/api-docs")) {
            respond(exchange, 200, "application/json",
                    "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + service + "\",\"version\":\"1\"},\"paths\":{}}");
            return;
        }
        String[] segments = path.split("/");
        String last = segments[segments.length - 1];
        String previous = segments.length > 1 ? segments[segments.length - 2] : "";
        if (previous.equals("status")) {
            int status = Integer.parseInt(last);
            respond(exchange, status, "application/problem+json",
                    "{\"type\":\"https://tienda.io/problems/from-" + service + "\",\"status\":" + status + "}");
            return;
        }
        if (previous.equals("hop-by-hop")) {
            exchange.getResponseHeaders().add("Connection", "X-Service-Hop");
            exchange.getResponseHeaders().add("X-Service-Hop", "for the gateway only");
            exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"service\"");
            exchange.getResponseHeaders().add("X-Service-Kept", "yes");
            echo(service, exchange, path);
            return;
        }
        if (previous.equals("slow")) {
            // Answered later from a timer, so that any number of slow requests are in flight at once.
            later.schedule(() -> echo(service, exchange, path), Long.parseLong(last), TimeUnit.MILLISECONDS);
            return;
        }
        if (previous.equals("flaky") && flakyCalls.computeIfAbsent(last, token -> new AtomicInteger()).getAndIncrement() == 0) {
            respond(exchange, 503, "application/problem+json", "{\"status\":503}");
            return;
        }
        echo(service, exchange, path);
    }

    private static void echo(String service, HttpExchange exchange, String path) {
        exchange.getResponseHeaders().add("ETag", "\"v1\"");
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        try {
            respond(exchange, 200, "application/json", "{\"service\":\"" + service + "\",\"method\":\""
                    + exchange.getRequestMethod() + "\",\"path\":\"" + path + "\",\"requestId\":\"" + requestId
                    + "\"}");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public record Received(String service, String method, String path, Map<String, List<String>> headers,
                           int bodyLength) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }
}
