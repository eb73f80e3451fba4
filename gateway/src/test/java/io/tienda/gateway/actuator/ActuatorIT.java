package io.tienda.gateway.actuator;

import io.tienda.gateway.GatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static io.tienda.gateway.ProblemAssertions.assertProblem;
import static io.tienda.gateway.ProblemAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

class ActuatorIT extends GatewayIT {

    @Test
    void healthShowsRedisButReadinessDoesNotDependOnIt() {
        JsonNode health = json(client().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("redis").path("status").asString()).isEqualTo("UP");

        JsonNode readiness = json(client().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(readiness.path("status").asString()).isEqualTo("UP");
        assertThat(readiness.path("components").has("redis")).isFalse();

        client().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void exposesPrometheusMetricsIncludingGatewayRequests() {
        client().get().uri("/api/v1/products").exchange().expectStatus().isOk();

        String metrics = client().get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("spring_cloud_gateway_requests").contains("resilience4j_circuitbreaker_state");
    }

    @Test
    void theRouteAdminEndpointIsOff() {
        assertProblem(client().get().uri("/actuator/gateway/routes").exchange(), 404, "not-found",
                "/actuator/gateway/routes");
    }
}
