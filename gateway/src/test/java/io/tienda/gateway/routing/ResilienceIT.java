package io.tienda.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tienda.gateway.Backends;
import io.tienda.gateway.GatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static io.tienda.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ResilienceIT extends GatewayIT {

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Test
    void aServiceThatIsDownAnswers503FromItsBreakerUntilTheBreakerOpens() {
        JsonNode problem = assertProblem(client().get().uri("/api/v1/analytics/sales").exchange(),
                503, "service-unavailable", "/api/v1/analytics/sales");
        assertThat(problem.path("detail").asString()).isEqualTo(Backends.DOWN + " is unavailable; try again shortly");

        // Every call fails; once the breaker has seen enough of them it stops trying the service.
        CircuitBreaker breaker = breakers.getCircuitBreakerRegistry().circuitBreaker("analytics");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            client().post().uri("/api/v1/analytics/reports").exchange().expectStatus().isEqualTo(503);
            return breaker.getState() == CircuitBreaker.State.OPEN;
        });
        JsonNode open = assertProblem(client().get().uri("/api/v1/analytics/kpis").exchange(),
                503, "service-unavailable", "/api/v1/analytics/kpis");
        assertThat(open.path("detail").asString()).contains(Backends.DOWN).contains("paused");

        assertThat(breakers.getCircuitBreakerRegistry().circuitBreaker("products").getState())
                .as("each route has a breaker of its own").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aServiceWithNoRegisteredInstanceAnswers503NotA500() {
        JsonNode problem = assertProblem(client().get().uri("/api/v1/notifications").exchange(),
                503, "service-unavailable", "/api/v1/notifications");
        assertThat(problem.path("detail").asString()).contains(Backends.MISSING);

        assertProblem(client().post().uri("/api/v1/notifications/templates").bodyValue("{}").exchange(),
                503, "service-unavailable", "/api/v1/notifications/templates");
    }

    @Test
    void retriesAGetThatHitATransient503() {
        String path = "/api/v1/products/flaky/" + UUID.randomUUID();

        client().get().uri(path).exchange().expectStatus().isOk();

        assertThat(backends().at(path)).hasSize(2).allMatch(received -> received.method().equals("GET"));
    }

    @Test
    void neverRetriesAPostAndPassesTheServicesAnswerThrough() {
        String path = "/api/v1/orders/flaky/" + UUID.randomUUID();

        client().post().uri(path).bodyValue("{\"sku\":\"A-1\"}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("X-Backend", "order-service");

        assertThat(backends().at(path)).singleElement()
                .satisfies(received -> assertThat(received.bodyLength()).isEqualTo(13));
    }

    @Test
    void theInternalFallbackPathIsNotReachableFromOutside() {
        assertProblem(client().get().uri(Fallback.PATH + "product-service").exchange(),
                404, "not-found", Fallback.PATH + "product-service");
    }
}
