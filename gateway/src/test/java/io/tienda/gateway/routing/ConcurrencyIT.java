package io.tienda.gateway.routing;

import io.tienda.gateway.GatewayIT;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests in flight on one route at once are a normal day, not an overload: the route's
 * bulkhead must let them through (the breaker and the timeouts are what protect the service). The
 * resilience4j default of 25 concurrent calls with no wait answered 503 to every request past the
 * 25th.
 */
class ConcurrencyIT extends GatewayIT {

    private static final int IN_FLIGHT = 64;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Test
    void sixtyFourConcurrentRequestsToOneRouteGetNo503() {
        Map<Integer, Long> byStatus = concurrently("/api/v1/products/slow/400", IN_FLIGHT);

        assertThat(byStatus).as("statuses of %d concurrent requests", IN_FLIGHT).isEqualTo(Map.of(200, (long) IN_FLIGHT));
        assertThat(backends().at("/api/v1/products/slow/400")).hasSize(IN_FLIGHT);
    }

    @Test
    void aFullRouteRefusesAtOnceWithoutOpeningItsBreaker() {
        // GatewayIT gives the returns route a bulkhead of 2.
        Map<Integer, Long> byStatus = concurrently("/api/v1/returns/slow/1000", 20);

        assertThat(byStatus.getOrDefault(200, 0L)).isBetween(2L, 19L);
        assertThat(byStatus.getOrDefault(503, 0L)).isEqualTo(20 - byStatus.get(200));
        assertThat(breakers.getCircuitBreakerRegistry().circuitBreaker("returns").getState())
                .as("refusals by the gateway's own bulkhead say nothing about the service")
                .isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breakers.getCircuitBreakerRegistry().circuitBreaker("returns").getMetrics().getNumberOfFailedCalls())
                .isZero();
    }

    /** Statuses of {@code count} GETs sent at once, each from its own client address (so no rate limit applies). */
    private Map<Integer, Long> concurrently(String path, int count) {
        WebClient client = WebClient.create("http://localhost:" + port);
        List<Integer> statuses = Flux.range(0, count)
                .flatMap(i -> client.get().uri(path)
                        .header("X-Forwarded-For", "198.51.100." + (i + 1))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                        .onErrorResume(e -> Mono.just(-1)), count)
                .collectList()
                .block(Duration.ofSeconds(60));
        return statuses.stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }
}
