package io.tienda.fleet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tienda.platform.testing.infra.JsonHttpServer;
import io.tienda.platform.testing.infra.Server;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops and starts one piece of the running fleet's infrastructure, for outages on purpose: a broker
 * that goes away in the middle of a checkout, a database that restarts. Served on 127.0.0.1 only,
 * from the launcher, which owns the servers ({@code ./tienda infra}, {@link InfraCommand}):
 * <ul>
 * <li>{@code GET /infra}: every server by name, and whether it runs;</li>
 * <li>{@code POST /infra/{name}/stop}: stops it and keeps its data; the services see an outage;</li>
 * <li>{@code POST /infra/{name}/start}: brings it back on the same port with the same data.</li>
 * </ul>
 * Both changes are idempotent and answer the server's state once the change is complete. The services
 * are neither stopped nor told: they ride out the outage as they would in production.
 */
final class InfraControl implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern CHANGE = Pattern.compile("/infra/([a-z-]+)/(stop|start)");

    private final Map<String, Server> servers;

    private final Consumer<String> progress;

    private final HttpServer server;

    private InfraControl(int port, Map<String, Server> servers, Consumer<String> progress) {
        this.servers = Collections.unmodifiableMap(new LinkedHashMap<>(servers));
        this.progress = progress;
        this.server = JsonHttpServer.start(port, "infra-control", this::handle);
    }

    /**
     * @param servers  the servers by the names {@code ./tienda status} shows (kafka, postgres, ...)
     * @param progress told of every change, for the launcher's log
     */
    static InfraControl start(int port, Map<String, Server> servers, Consumer<String> progress) {
        return new InfraControl(port, servers, progress);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One request at a time: the server's executor has a single thread, so two changes never overlap. */
    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher change = CHANGE.matcher(path);
            if (path.equals("/infra") || path.equals("/infra/")) {
                if (!method.equals("GET")) {
                    refuse(exchange, 405, "use GET /infra");
                    return;
                }
                JsonHttpServer.respond(exchange, 200, JSON.writeValueAsString(states()));
            }
            else if (change.matches()) {
                if (!method.equals("POST")) {
                    refuse(exchange, 405, "use POST " + path);
                    return;
                }
                Server target = servers.get(change.group(1));
                if (target == null) {
                    refuse(exchange, 404, "no server named " + change.group(1) + "; there are " + names());
                    return;
                }
                change(change.group(1), target, change.group(2).equals("stop"));
                JsonHttpServer.respond(exchange, 200, JSON.writeValueAsString(state(change.group(1), target)));
            }
            else {
                refuse(exchange, 404, "try GET /infra or POST /infra/{name}/stop|start");
            }
        }
        catch (RuntimeException ex) {
            // the server could not be stopped or started: say why, and keep serving
            refuse(exchange, 500, String.valueOf(ex.getMessage()));
        }
        finally {
            exchange.close();
        }
    }

    private void change(String name, Server target, boolean stop) {
        if (target.isRunning() != stop) {
            return;
        }
        Instant begin = Instant.now();
        if (stop) {
            target.stop();
        }
        else {
            target.start();
        }
        progress.accept(String.format("%s %s by request in %s", name, stop ? "stopped" : "started",
                Table.duration(Duration.between(begin, Instant.now()))));
    }

    private List<Map<String, Object>> states() {
        return servers.entrySet().stream().map(entry -> state(entry.getKey(), entry.getValue())).toList();
    }

    private static Map<String, Object> state(String name, Server server) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("running", server.isRunning());
        return state;
    }

    private String names() {
        return String.join(", ", servers.keySet());
    }

    private static void refuse(HttpExchange exchange, int status, String error) throws IOException {
        JsonHttpServer.respond(exchange, status, JSON.writeValueAsString(Map.of("error", error)));
    }
}
