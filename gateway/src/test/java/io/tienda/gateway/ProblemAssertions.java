package io.tienda.gateway;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the RFC 9457 shape every refusal by the gateway must have. */
public final class ProblemAssertions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemAssertions() {
    }

    /** Asserts status, content type, type URI, instance and request id; returns the body for more. */
    public static JsonNode assertProblem(WebTestClient.ResponseSpec response, int status, String kind, String instance) {
        EntityExchangeResult<String> result = response.expectBody(String.class).returnResult();
        String raw = result.getResponseBody();
        assertThat(result.getStatus().value()).as(raw).isEqualTo(status);
        assertThat(result.getResponseHeaders().getContentType()).as(raw)
                .isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        JsonNode body = JSON.readTree(raw);
        assertThat(body.path("type").asString()).isEqualTo("https://tienda.io/problems/" + kind);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asString()).isNotBlank();
        assertThat(body.path("instance").asString()).isEqualTo(instance);
        String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(requestId).isNotBlank();
        assertThat(body.path("requestId").asString()).isEqualTo(requestId);
        assertThat(raw).doesNotContain("Exception").doesNotContain("\tat ");
        return body;
    }

    public static JsonNode json(String raw) {
        return JSON.readTree(raw);
    }
}
