package io.tienda.gateway.actuator;

import io.tienda.gateway.GatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static io.tienda.gateway.ProblemAssertions.assertProblem;
import static io.tienda.gateway.ProblemAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

class ActuatorIT extends GatewayIT {

    @Test
    void healthShowsRedisButReadinessDoesNotDependOnIt() {
        JsonNode health = json(management().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("redis").path("status").asString()).isEqualTo("UP");

        JsonNode readiness = json(management().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(readiness.path("status").asString()).isEqualTo("UP");
        assertThat(readiness.path("components").has("redis")).isFalse();

        management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void exposesPrometheusMetricsIncludingGatewayRequests() {
        client().get().uri("/api/v1/products").exchange().expectStatus().isOk();
        management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

        String metrics = management().get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("resilience4j_circuitbreaker_state", "http_server_requests_seconds_count")
                // every request's long-task timer is left out: nothing reads it
                .doesNotContain("http_server_requests_active_seconds")
                // nor the log-event counter, whose turbo filter ran on every logger check of every request
                .doesNotContain("logback_events_total");
        // what the dashboard's per-route gateway panels read
        assertThat(metrics.lines().filter(line -> line.startsWith("spring_cloud_gateway_requests_seconds_count{")))
                .anySatisfy(line -> assertThat(line).contains("routeId=\"products\"").contains("outcome=\"SUCCESSFUL\""));
        // probes and scrapes are not the API's traffic
        assertThat(metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds")))
                .isNotEmpty()
                .noneMatch(line -> line.contains("uri=\"/actuator"));
    }

    @Test
    void actuatorIsNotOnThePublicPort() {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/prometheus"}) {
            assertProblem(client().get().uri(path).exchange(), 404, "not-found", path);
        }
    }

    @Test
    void theRouteAdminEndpointIsOff() {
        management().get().uri("/actuator/gateway/routes").exchange().expectStatus().isNotFound();
        assertProblem(client().get().uri("/actuator/gateway/routes").exchange(), 404, "not-found",
                "/actuator/gateway/routes");
    }

    @Test
    void aWrongMethodOnActuatorIsRefused() {
        management().method(HttpMethod.DELETE).uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().value("Allow", allow -> assertThat(allow).contains("GET"));
    }
}
