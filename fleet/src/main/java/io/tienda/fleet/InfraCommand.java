package io.tienda.fleet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./tienda infra [stop|start <server>]}: lists the running fleet's servers, or stops or starts one
 * of them through the launcher's {@link InfraControl}, to see how the services ride out an outage.
 */
final class InfraCommand {

    static final String USAGE = "./tienda infra [stop|start postgres|kafka|redis|mongodb|clickhouse|smtp]";

    /** Stopping or starting a server (Kafka writes its logs, PostgreSQL checkpoints) can take a while. */
    private static final Duration CHANGE = Duration.ofMinutes(2);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI control;

    private final PrintStream out;

    private final PrintStream err;

    InfraCommand(int port, PrintStream out, PrintStream err) {
        this.control = URI.create("http://127.0.0.1:" + port + "/infra");
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        HttpRequest request;
        if (args.isEmpty()) {
            request = HttpRequest.newBuilder(control).timeout(CHANGE).GET().build();
        }
        else if (args.size() == 2 && (args.get(0).equals("stop") || args.get(0).equals("start"))) {
            request = HttpRequest.newBuilder(control.resolve("/infra/" + args.get(1) + "/" + args.get(0)))
                .timeout(CHANGE)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        }
        else {
            err.println("tienda: usage: " + USAGE);
            return 2;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                err.println("tienda: " + body.path("error").asString(response.body()));
                return 1;
            }
            for (JsonNode server : body.isArray() ? body : List.of(body)) {
                out.printf("%-12s %s%n", server.get("name").asString(),
                        server.get("running").asBoolean() ? "running" : "stopped");
            }
            return 0;
        }
        catch (ConnectException ex) {
            err.println("tienda: the fleet is not running (nothing answers on " + control + "); ./tienda up -d starts it");
            return 1;
        }
        catch (IOException ex) {
            err.println("tienda: " + control + " did not answer: " + ex.getMessage());
            return 1;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
