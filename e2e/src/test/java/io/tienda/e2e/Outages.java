package io.tienda.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Outages on purpose: one of the fleet's servers stopped and started through the launcher's control
 * ({@code ./tienda infra}, fleet/README.md "Outages on purpose"), and the services waited for afterwards.
 */
final class Outages {

    static final URI INFRA_CONTROL = URI.create(System.getProperty("tienda.e2e.infra-control-url",
            "http://localhost:8026"));
    /** A JVM boot, or a service finding its server again, on the fleet's shared two cores. */
    static final Duration RESTART = Duration.ofMinutes(3);

    private Outages() {
    }

    /**
     * The launcher's control must answer when this run started the fleet; against another fleet
     * (one that may run elsewhere) a test that needs it is skipped.
     */
    static void requireInfraControl() {
        if (Fleet.startedHere()) {
            assertThat(infraControlAnswers()).as("the launcher's infrastructure control at " + INFRA_CONTROL).isTrue();
        }
        assumeThat(infraControlAnswers()).as("the launcher's infrastructure control at " + INFRA_CONTROL).isTrue();
    }

    private static boolean infraControlAnswers() {
        try {
            return new Api(INFRA_CONTROL).get("/infra").send().status() == 200;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    /** {@code ./tienda infra stop <server>}, answered once it has stopped. */
    static void stop(String server) throws IOException, InterruptedException {
        change(server, "stop");
    }

    /** {@code ./tienda infra start <server>}, answered once it is running again on its port. */
    static void start(String server) throws IOException, InterruptedException {
        change(server, "start");
    }

    /** Kafka takes 5-30 s either way on two busy cores: longer than the other calls' client waits. */
    private static void change(String server, String change) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(INFRA_CONTROL.resolve("/infra/" + server + "/" + change))
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> reply = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as("%s %s: %s", change, server, reply.body()).isEqualTo(200);
        assertThat(reply.body()).as("%s after %s", server, change)
                .contains("\"running\":" + change.equals("start"));
    }

    /** Waits until {@code service} says it is ready again. */
    static void awaitReady(URI service) {
        await("readiness of " + service).atMost(RESTART).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    Api.Reply reply = new Api(service).get("/actuator/health/readiness").send();
                    return reply.status() == 200 && "UP".equals(reply.json().get("status").asString());
                });
    }
}
