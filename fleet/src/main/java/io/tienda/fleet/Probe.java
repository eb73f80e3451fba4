package io.tienda.fleet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/** Asks servers and services whether they are ready. */
final class Probe {

    static final String UNREACHABLE = "UNREACHABLE";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int discoveryPort;

    Probe(int discoveryPort) {
        this.discoveryPort = discoveryPort;
    }

    /**
     * The status of Spring Boot's readiness group, e.g. UP or OUT_OF_SERVICE. Falls back to the plain
     * health endpoint for a service whose probes are not exposed.
     */
    String health(int port) {
        Optional<HttpResponse<String>> readiness = get("http://localhost:" + port + "/actuator/health/readiness");
        if (readiness.isEmpty()) {
            return UNREACHABLE;
        }
        HttpResponse<String> response = readiness.get();
        if (response.statusCode() == 404) {
            response = get("http://localhost:" + port + "/actuator/health").orElse(response);
        }
        return status(response);
    }

    private static String status(HttpResponse<String> response) {
        try {
            String status = JSON.readTree(response.body()).path("status").asString("");
            if (!status.isEmpty()) {
                return status;
            }
        }
        catch (RuntimeException ex) {
            // not JSON: fall back to the HTTP status
        }
        return response.statusCode() == 200 ? "UP" : "HTTP " + response.statusCode();
    }

    /** The ports of the instances Eureka lists as UP; empty while discovery does not answer. */
    Set<Integer> registeredPorts() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + discoveryPort + "/eureka/apps"))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(5))
            .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? EurekaApps.upPorts(response.body()) : Set.of();
        }
        catch (IOException | RuntimeException ex) {
            return Set.of();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }

    boolean answers200(String url) {
        return get(url).map(response -> response.statusCode() == 200).orElse(false);
    }

    static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private Optional<HttpResponse<String>> get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        catch (IOException ex) {
            return Optional.empty();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

}
