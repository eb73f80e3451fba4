package io.tienda.gateway.ratelimit;

import io.tienda.gateway.GatewayIT;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import static io.tienda.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Against real Redis: the auth tier allows 5 requests a minute per client IP. */
class RateLimitIT extends GatewayIT {

    @Test
    void theSixthLoginAttemptInAMinuteIsA429ProblemWithRetryAfter() {
        String client = randomClientIp();
        String path = "/api/v1/auth/login/" + UUID.randomUUID();
        for (int attempt = 1; attempt <= 5; attempt++) {
            client().post().uri(path).header("X-Forwarded-For", client).bodyValue("{}").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", String.valueOf(5 - attempt));
        }

        var refused = client().post().uri(path).header("X-Forwarded-For", client).bodyValue("{}").exchange();
        refused.expectHeader().value(HttpHeaders.RETRY_AFTER,
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 12));
        JsonNode problem = assertProblem(refused, 429, "rate-limited", path);
        assertThat(problem.path("detail").asString()).contains("retry after");

        assertThat(backends().at(path)).as("refused requests cost the service nothing").hasSize(5);

        // Another client has a bucket of its own.
        client().post().uri(path).header("X-Forwarded-For", randomClientIp()).bodyValue("{}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void everySpellingOfAnAddressDrawsFromItsOneBucket() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int a = random.nextInt(1, 0x10000);
        int b = random.nextInt(1, 0x10000);
        int c = random.nextInt(1, 0x10000);
        List<String> spellings = List.of(
                "2001:db8:%x:%x::%x".formatted(a, b, c),
                "2001:DB8:%X:%X:0:0:0:%X".formatted(a, b, c),
                "2001:0db8:%04x:%04x:0000:0000:0000:%04x".formatted(a, b, c),
                "2001:db8:%x:%x:0::%x".formatted(a, b, c),
                "2001:db8:%x:%x::0:%x".formatted(a, b, c));
        String path = "/api/v1/auth/login/" + UUID.randomUUID();
        for (int attempt = 1; attempt <= 5; attempt++) {
            client().post().uri(path).header("X-Forwarded-For", spellings.get(attempt - 1)).bodyValue("{}").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", String.valueOf(5 - attempt));
        }
        assertProblem(client().post().uri(path).header("X-Forwarded-For", "2001:0DB8:%x:%x:0:0::%x".formatted(a, b, c))
                .bodyValue("{}").exchange(), 429, "rate-limited", path);

        // The service sees the one spelling too.
        assertThat(backends().at(path)).hasSize(5).allSatisfy(received ->
                assertThat(received.header("X-Forwarded-For")).isEqualTo("2001:db8:%x:%x::%x".formatted(a, b, c)));
    }

    @Test
    void aTokenDoesNotBuyMoreLoginAttempts() {
        String client = randomClientIp();
        String path = "/api/v1/auth/refresh";
        for (int attempt = 1; attempt <= 5; attempt++) {
            String fresh = TestTokens.token("user-" + UUID.randomUUID());
            client().post().uri(path).header("X-Forwarded-For", client)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + fresh).exchange()
                    .expectStatus().isOk();
        }
        assertProblem(client().post().uri(path).header("X-Forwarded-For", client)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token("yet-another")).exchange(),
                429, "rate-limited", path);
    }

    @Test
    void searchHasItsOwnLargerBudget() {
        String client = randomClientIp();
        client().get().uri("/api/v1/search?q=shoes").header("X-Forwarded-For", client).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "99");
        client().get().uri("/api/v1/products").header("X-Forwarded-For", client).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "999");
    }

    @Test
    void theDashboardsFilesSpendABudgetApartFromTheApis() {
        // analytics-service is the backend these tests keep down (503): the limit is taken before the call
        String client = randomClientIp();
        for (String file : List.of("/dashboard/", "/dashboard/style.css", "/dashboard/app.js")) {
            client().get().uri(file).header("X-Forwarded-For", client).exchange()
                    .expectStatus().isEqualTo(503);
        }
        client().get().uri("/dashboard/api.js").header("X-Forwarded-For", client).exchange()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "296");
        client().get().uri("/api/v1/products").header("X-Forwarded-For", client).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "999");
    }

    @Test
    void aRateLimitedRequestContinuesOnItsOwnConnectionsEventLoop(@Autowired RateLimitFilters rateLimits) {
        // An exact tier: its answer comes from Redis (the settled tiers decide on the request's own thread).
        GatewayFilter limit = rateLimits.forRoute(RateTier.AUTH).orElseThrow();
        Route route = Route.async().id("products").uri("http://localhost").predicate(exchange -> true).build();
        List<String> threads = new CopyOnWriteArrayList<>();
        HttpHandler handler = WebHttpHandlerBuilder.webHandler(exchange -> {
            exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route);
            return limit.filter(exchange, next -> {
                threads.add(Thread.currentThread().getName());
                return Mono.empty();
            });
        }).build();
        DisposableServer server = HttpServer.create().host("localhost").port(0)
                .handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
        try {
            WebTestClient direct = WebTestClient.bindToServer().baseUrl("http://localhost:" + server.port()).build();
            for (int i = 0; i < 5; i++) {
                direct.get().uri("/api/v1/products").header("X-Forwarded-For", randomClientIp()).exchange()
                        .expectStatus().isOk();
            }
        } finally {
            server.disposeNow();
        }
        // Redis answers on Lettuce's one event loop; the routing after the limit must not stay there.
        assertThat(threads).hasSize(5).allSatisfy(thread -> assertThat(thread).startsWith("reactor-http"));
    }

    private static String randomClientIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
