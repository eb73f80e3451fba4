package io.tienda.gateway.routing;

import io.tienda.gateway.ratelimit.RateLimitFilters;
import io.tienda.gateway.ratelimit.RateTier;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.io.IOException;

/**
 * Builds a route for every line of {@link ApiRoutes}, plus the staff dashboard, the JWKS and each
 * service's API docs.
 * Every route gets the same protection, outermost first: its tier's rate limit (a refused request
 * costs the service nothing), a circuit breaker of its own, and GET-only retries inside the
 * breaker so the breaker sees one call however many attempts it took.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

    private final RateLimitFilters rateLimits;
    private final RetryProperties retry;

    RouteConfiguration(RateLimitFilters rateLimits, RetryProperties retry) {
        this.rateLimits = rateLimits;
        this.retry = retry;
    }

    @Bean
    RouteLocator apiRoutes(RouteLocatorBuilder builder) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (ApiRoutes.ApiArea area : ApiRoutes.AREAS) {
            routes.route(area.area(), route -> route.path(area.path(), area.path() + "/**")
                    .filters(filters -> protect(filters, area.area(), area.service(), area.tier()))
                    .uri("lb://" + area.service()));
        }
        routes.route("dashboard", route -> route.path(ApiRoutes.DASHBOARD_PATH, ApiRoutes.DASHBOARD_PATH + "/**")
                .filters(filters -> protect(filters, "dashboard", ApiRoutes.ANALYTICS, RateTier.PAGES))
                .uri("lb://" + ApiRoutes.ANALYTICS));
        routes.route("jwks", route -> route.path(ApiRoutes.JWKS_PATH)
                .filters(filters -> protect(filters, "jwks", ApiRoutes.USER, RateTier.GENERAL))
                .uri("lb://" + ApiRoutes.USER));
        for (String service : ApiRoutes.SERVICES) {
            String routeId = "api-docs-" + service;
            routes.route(routeId, route -> route.path(ApiRoutes.API_DOCS_PATH + "/" + service)
                    .filters(filters -> protect(filters.setPath(ApiRoutes.API_DOCS_PATH), routeId, service,
                            RateTier.GENERAL))
                    .uri("lb://" + service));
        }
        return routes.build();
    }

    @Bean
    RouterFunction<ServerResponse> circuitBreakerFallback() {
        return RouterFunctions.route(RequestPredicates.path(Fallback.PATH + "{service}"), Fallback::handle);
    }

    private GatewayFilterSpec protect(GatewayFilterSpec filters, String routeId, String service, RateTier tier) {
        rateLimits.forRoute(tier).ifPresent(filters::filter);
        filters.circuitBreaker(breaker -> breaker.setName(routeId).setFallbackUri("forward:" + Fallback.PATH + service));
        if (retry.retries() > 0) {
            filters.retry(retries -> retries
                    .setRetries(retry.retries())
                    .setMethods(HttpMethod.GET)
                    .setSeries()
                    .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.GATEWAY_TIMEOUT)
                    // Connection refused or reset; a response timeout is not retried, it would only multiply the wait.
                    .setExceptions(IOException.class)
                    .setBackoff(retry.firstBackoff(), retry.maxBackoff(), 2, true));
        }
        // CORS is the gateway's answer; a service that also sets it must not produce a duplicate.
        filters.dedupeResponseHeader("Access-Control-Allow-Origin Access-Control-Allow-Credentials", "RETAIN_FIRST");
        return filters;
    }
}
