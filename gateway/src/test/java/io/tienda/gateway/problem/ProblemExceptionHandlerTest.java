package io.tienda.gateway.problem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping from what went wrong to what the client is told, for errors hard to provoke end to end. */
class ProblemExceptionHandlerTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ProblemExceptionHandler handler = new ProblemExceptionHandler(
            new ProblemWriter(json, new StaticListableBeanFactory().getBeanProvider(io.micrometer.tracing.Tracer.class)));

    @Test
    void anUnexpectedExceptionIsA500WithoutItsMessageOrStackTrace() {
        JsonNode body = handle(new IllegalStateException("secret table name"), HttpStatus.INTERNAL_SERVER_ERROR);

        assertThat(body.path("type").asString()).isEqualTo("https://tienda.io/problems/internal");
        assertThat(body.toString()).doesNotContain("secret").doesNotContain("IllegalStateException");
    }

    @Test
    void upstreamFailuresWithoutABreakerAreGatewayErrors() {
        assertThat(handle(new ConnectException("refused"), HttpStatus.BAD_GATEWAY).path("type").asString())
                .endsWith("/bad-gateway");
        assertThat(handle(new TimeoutException(), HttpStatus.GATEWAY_TIMEOUT).path("type").asString())
                .endsWith("/gateway-timeout");
        assertThat(handle(NotFoundException.create(false, "Unable to find instance for cart-service"),
                HttpStatus.SERVICE_UNAVAILABLE).path("detail").asString()).contains("cart-service");
    }

    @Test
    void aTokenThatCannotBeVerifiedForNowIsA503NotA401() {
        assertThat(handle(new AuthenticationServiceException("JWKS unreachable"), HttpStatus.SERVICE_UNAVAILABLE)
                .path("type").asString()).endsWith("/service-unavailable");
    }

    @Test
    void frameworkReasonsAreNotEchoed() {
        JsonNode body = handle(new ResponseStatusException(HttpStatus.BAD_REQUEST, "Failed to read <script>"),
                HttpStatus.BAD_REQUEST);
        assertThat(body.toString()).doesNotContain("<script>");
    }

    private JsonNode handle(Throwable error, HttpStatus expected) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/cart/7"));
        handler.handle(exchange, error).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(expected);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode body = json.readTree(exchange.getResponse().getBodyAsString().block());
        assertThat(body.path("status").asInt()).isEqualTo(expected.value());
        assertThat(body.path("instance").asString()).isEqualTo("/api/v1/cart/7");
        return body;
    }
}
