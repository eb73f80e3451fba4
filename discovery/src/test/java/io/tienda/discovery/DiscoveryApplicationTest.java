package io.tienda.discovery;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiscoveryApplicationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Value("${eureka.server.enable-self-preservation}")
    boolean selfPreservation;

    @Test
    void servesTheRegistry() throws Exception {
        HttpResponse<String> response = get("/eureka/apps");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode applications = JSON.readTree(response.body()).path("applications");
        assertThat(applications.isObject()).as(response.body()).isTrue();
        // Standalone: the registry must not contain the server itself.
        assertThat(response.body()).doesNotContainIgnoringCase("\"DISCOVERY\"");
    }

    @Test
    void reportsHealthAndMetrics() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asString()).isEqualTo("UP");

        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        HttpResponse<String> prometheus = get("/actuator/prometheus", "text/plain");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        // the probes above are not the registry's traffic
        assertThat(prometheus.body().lines().filter(line -> line.startsWith("http_server_requests_seconds")))
                .noneMatch(line -> line.contains("uri=\"/actuator"));
    }

    @Test
    void selfPreservationIsOffByDefault() {
        assertThat(selfPreservation).isFalse();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "application/json");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
