package io.tienda.gateway.routing;

import io.tienda.gateway.Backends;
import io.tienda.gateway.GatewayIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.tienda.gateway.ProblemAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

class RoutingIT extends GatewayIT {

    @Autowired
    private Map<String, HandlerMapping> handlerMappings;

    @Autowired
    private List<HttpHeadersFilter> headersFilters;

    static Stream<ApiRoutes.ApiArea> liveAreas() {
        return ApiRoutes.AREAS.stream().filter(area -> Backends.LIVE.contains(area.service()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("liveAreas")
    void routesEveryAreaAndItsSubpathsToTheOwningService(ApiRoutes.ApiArea area) {
        for (String path : List.of(area.path(), area.path() + "/" + UUID.randomUUID())) {
            String body = client().get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            JsonNode echo = json(body);
            assertThat(echo.path("service").asString()).as(path).isEqualTo(area.service());
            assertThat(echo.path("path").asString()).as("the path reaches the service unchanged").isEqualTo(path);
        }
    }

    @Test
    void everyAreaOfTheBriefIsRouted() {
        assertThat(ApiRoutes.AREAS).extracting(ApiRoutes.ApiArea::area).containsExactlyInAnyOrder(
                "products", "categories", "search", "brands", "offers", "pricing", "cart", "orders", "payments",
                "auth", "users",
                "inventory", "warehouses", "returns", "notifications", "tickets", "templates", "analytics");
    }

    @Test
    void routesTheStaffDashboardToAnalyticsService() {
        // analytics-service is the backend these tests keep down: its name in the 503 shows where the route leads
        for (String path : List.of("/dashboard", "/dashboard/", "/dashboard/app.js")) {
            JsonNode problem = json(client().get().uri(path).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody(String.class).returnResult().getResponseBody());
            assertThat(problem.path("detail").asString()).as(path).contains(ApiRoutes.ANALYTICS);
        }
    }

    @Test
    void keepsAWellFormedRequestIdAndPassesItDownstream() {
        String path = "/api/v1/products/" + UUID.randomUUID();
        client().get().uri(path).header("X-Request-Id", "client-42_a.B").exchange()
                .expectStatus().isOk()
                .expectHeader().valuesMatch("X-Request-Id", "client-42_a.B");

        assertThat(backends().at(path)).singleElement()
                .satisfies(received -> assertThat(received.header("X-Request-Id")).isEqualTo("client-42_a.B"));
    }

    @Test
    void replacesAMalformedOrMissingRequestIdWithAUuid() {
        for (String incoming : new String[] {"not valid!", "x".repeat(129), null}) {
            String path = "/api/v1/orders/" + UUID.randomUUID();
            var request = client().get().uri(path);
            if (incoming != null) {
                request = request.header("X-Request-Id", incoming);
            }
            EntityExchangeResult<String> result = request.exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult();

            List<String> ids = result.getResponseHeaders().get("X-Request-Id");
            assertThat(ids).as("exactly one id, even though the service echoes it").hasSize(1);
            assertThat(UUID.fromString(ids.get(0))).isNotNull();
            assertThat(backends().at(path)).singleElement()
                    .satisfies(received -> assertThat(received.header("X-Request-Id")).isEqualTo(ids.get(0)));
        }
    }

    @Test
    void passesDownstreamResponsesThroughUnchanged() {
        for (int status : new int[] {404, 409, 500}) {
            String path = "/api/v1/cart/" + UUID.randomUUID() + "/status/" + status;
            EntityExchangeResult<String> result = client().get().uri(path).exchange()
                    .expectStatus().isEqualTo(status)
                    .expectHeader().valueEquals("X-Backend", "cart-service")
                    .expectHeader().contentType("application/problem+json")
                    .expectBody(String.class).returnResult();
            assertThat(result.getResponseBody())
                    .isEqualTo("{\"type\":\"https://tienda.io/problems/from-cart-service\",\"status\":" + status + "}");
        }
        client().get().uri("/api/v1/products/etag").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"v1\"");
    }

    @Test
    void tellsServicesTheClientAddressAndNeverAClientsClaimFromAnUntrustedPeer() {
        String direct = "/api/v1/users/" + UUID.randomUUID();
        client().get().uri(direct).exchange().expectStatus().isOk();
        assertThat(backends().at(direct).get(0).header("X-Forwarded-For")).isIn("127.0.0.1", "::1");

        // Loopback is a trusted proxy in these tests: the nearest untrusted hop is the client.
        String proxied = "/api/v1/users/" + UUID.randomUUID();
        client().get().uri(proxied).header("X-Forwarded-For", "198.51.100.1, 203.0.113.9").exchange()
                .expectStatus().isOk();
        assertThat(backends().at(proxied).get(0).header("X-Forwarded-For")).isEqualTo("203.0.113.9");
    }

    @Test
    void sendsOnlyTheForwardingAndCorrelationHeadersTheGatewayResolved() {
        String path = "/api/v1/users/" + UUID.randomUUID();
        client().get().uri(path)
                .header("Forwarded", "for=198.51.100.66;proto=https;host=evil.example")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Port", "8443")
                .header("X-Forwarded-Prefix", "/evil")
                .header("X-Forwarded-Proto", "https")
                .header("X-Request-Id", "client-chosen-7")
                .header("baggage", "tenant=evil")
                .exchange()
                .expectStatus().isOk();

        Backends.Received received = backends().at(path).get(0);
        assertThat(received.header("Forwarded")).isNull();
        assertThat(received.header("X-Forwarded-Port")).isNull();
        assertThat(received.header("X-Forwarded-Prefix")).isNull();
        // Loopback is trusted in these tests, so its Proto and Host are believed; the client's address is not.
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("evil.example");
        assertThat(received.header("X-Forwarded-For")).isIn("127.0.0.1", "::1");
        assertThat(received.header("X-Request-Id")).isEqualTo("client-chosen-7");
        assertThat(received.header("baggage")).as("no client baggage enters the fleet's traces").isNull();
    }

    @Test
    void leavesTheHopByHopHeadersAtTheGatewayBothWays() {
        String path = "/api/v1/users/" + UUID.randomUUID();
        client().get().uri(path)
                .header(HttpHeaders.CONNECTION, "keep-alive, X-Client-Hop")
                .header("X-Client-Hop", "for the gateway only")
                .header("Keep-Alive", "timeout=5")
                .header(HttpHeaders.PROXY_AUTHORIZATION, "Basic Zm9vOmJhcg==")
                .header(HttpHeaders.TE, "trailers")
                .header("X-Kept", "yes")
                .exchange()
                .expectStatus().isOk();
        Backends.Received received = backends().at(path).get(0);
        assertThat(received.header("X-Client-Hop")).isNull();
        assertThat(received.header("Keep-Alive")).isNull();
        assertThat(received.header(HttpHeaders.PROXY_AUTHORIZATION)).isNull();
        assertThat(received.header(HttpHeaders.TE)).isNull();
        assertThat(received.header("X-Kept")).isEqualTo("yes");

        client().get().uri("/api/v1/users/hop-by-hop/" + UUID.randomUUID()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "user-service")
                .expectHeader().valueEquals("X-Service-Kept", "yes")
                .expectHeader().doesNotExist("X-Service-Hop")
                .expectHeader().doesNotExist(HttpHeaders.PROXY_AUTHENTICATE);
    }

    @Test
    void copiesTheProxiedHeadersInOnePass() {
        // Spring Cloud Gateway's hop-by-hop, Forwarded and X-Forwarded removal filters (and its gRPC
        // ones) each copied every header again; the one that remains copies only a request with both
        // a length and a chunked encoding.
        assertThat(headersFilters).extracting(filter -> filter.getClass().getSimpleName())
                .containsExactlyInAnyOrder("ProxiedHeadersFilter", "Responses", "TransferEncodingNormalizationHeadersFilter");
    }

    @Test
    void routesTheJwksToUserService() {
        client().get().uri(ApiRoutes.JWKS_PATH).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "user-service");
    }

    @Test
    void addsSecurityHeadersButNoHstsOverPlainHttp() {
        client().get().uri("/api/v1/products/" + UUID.randomUUID()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().doesNotExist("Strict-Transport-Security")
                .expectHeader().doesNotExist(HttpHeaders.CACHE_CONTROL);
    }

    @Test
    void looksUpTheRoutesBeforeAnyLocalHandler() {
        // nearly every request is proxied: the local mappings would only match it in vain
        int routes = ((Ordered) handlerMappings.values().stream()
                .filter(RoutePredicateHandlerMapping.class::isInstance).findFirst().orElseThrow()).getOrder();
        assertThat(handlerMappings.values())
                .filteredOn(mapping -> mapping instanceof RequestMappingHandlerMapping
                        || mapping instanceof RouterFunctionMapping || mapping instanceof SimpleUrlHandlerMapping)
                .hasSize(3)
                .allSatisfy(mapping -> assertThat(((Ordered) mapping).getOrder()).isGreaterThan(routes));
        // and what no route matches still reaches its local handler
        client().get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk();
    }
}
