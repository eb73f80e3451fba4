package io.tienda.gateway.cors;

import io.tienda.gateway.GatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.util.UUID;

import static io.tienda.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class CorsIT extends GatewayIT {

    @Test
    void letsABrowserPageAskToWaitForItsOrderToChange() {
        client().options().uri("/api/v1/orders/" + UUID.randomUUID())
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, if-none-match, prefer")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers.toLowerCase())
                        .contains("if-none-match", "prefer"));
    }

    @Test
    void answersAPreflightFromAnAllowedOriginWithoutBotheringTheService() {
        String path = "/api/v1/orders/" + UUID.randomUUID();

        client().options().uri(path)
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, idempotency-key, x-request-id")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers.toLowerCase())
                        .contains("authorization", "content-type", "idempotency-key", "x-request-id"))
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600");

        assertThat(backends().at(path)).isEmpty();
    }

    @Test
    void refusesAForeignOriginWithAProblem() {
        var response = client().options().uri("/api/v1/cart")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
                .exchange();
        response.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertProblem(response, 403, "forbidden", "/api/v1/cart");

        assertProblem(client().get().uri("/api/v1/cart").header(HttpHeaders.ORIGIN, "https://evil.example").exchange(),
                403, "forbidden", "/api/v1/cart");
    }

    /** Deciding whether a call is cross-origin parses the header; a value that is no URL was a 500. */
    @Test
    void anOriginHeaderThatIsNoOriginIsA400Problem() {
        String path = "/api/v1/products/" + UUID.randomUUID();
        for (String origin : new String[] {"http://x:y", "http://localhost:3000.evil.com", "http://a b", "http://%zz"}) {
            assertProblem(client().get().uri(path).header(HttpHeaders.ORIGIN, origin).exchange(),
                    400, "malformed-request", path);
            assertProblem(client().options().uri(path).header(HttpHeaders.ORIGIN, origin)
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange(),
                    400, "malformed-request", path);
        }
        assertThat(backends().at(path)).isEmpty();
    }

    @Test
    void exposesTheHeadersBrowserScriptsNeedOnActualRequests() {
        client().method(HttpMethod.GET).uri("/api/v1/products/" + UUID.randomUUID())
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains("X-Request-Id", "Retry-After", "ETag", "Location", "Preference-Applied"));
    }
}
