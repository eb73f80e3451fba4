package io.tienda.gateway.routing;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ContextBoundaryTest {

    @Test
    void passesTheContextItWasGivenToEveryFilterAboveIt() {
        AtomicReference<Object> seen = new AtomicReference<>();
        GatewayFilterChain rest = exchange -> Mono.deferContextual(context -> {
            seen.set(context.get("user"));
            return Mono.empty();
        });
        GlobalFilter boundary = ContextBoundary.boundary(ContextBoundary.INNER);

        boundary.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/products/7")), rest)
                .contextWrite(Context.of("user", "buyer-7"))
                .block();

        assertThat(seen).hasValue("buyer-7");
    }

    @Test
    void sitsOutsideTheRoutesFiltersAndRightBeforeTheLoadBalancer() {
        // route filters are ordered by their position in the route: 1, 2, 3...
        assertThat(((Ordered) ContextBoundary.boundary(ContextBoundary.OUTER)).getOrder()).isLessThan(1);
        assertThat(ContextBoundary.INNER)
                .isGreaterThan(RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER)
                .isLessThan(ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER);
    }
}
