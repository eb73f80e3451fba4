package io.tienda.inventory.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's HTTP API as staff tools and the shop call it. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient http;

    public Api(RestTestClient http) {
        this.http = http;
    }

    /** A response, read in full. */
    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Reply expect(int expected) {
            assertThat(status).as("status of a response with body %s", body).isEqualTo(expected);
            return this;
        }

        /** A problem+json with this status and type (the slug after https://tienda.io/problems/). */
        public Reply expectProblem(int expected, String type) {
            expect(expected);
            assertThat(headers.getContentType()).as(body).isNotNull();
            assertThat(headers.getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(body).isTrue();
            assertThat(json().get("type").asString()).as(body).isEqualTo("https://tienda.io/problems/" + type);
            assertThat(json().get("status").asInt()).isEqualTo(expected);
            return this;
        }

        /** The fields a validation problem names. */
        public java.util.List<String> errorFields() {
            JsonNode errors = json().get("errors");
            assertThat(errors).as("errors of %s", body).isNotNull();
            return errors.valueStream().map(e -> e.get("field").asString()).toList();
        }
    }

    public Reply send(HttpMethod method, String path, String token, Object body, Map<String, String> headers) {
        RestTestClient.RequestBodySpec request = http.method(method).uri(path);
        if (token != null) {
            request = request.headers(h -> h.setBearerAuth(token));
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            request = request.header(header.getKey(), header.getValue());
        }
        RestTestClient.RequestHeadersSpec<?> ready = request;
        if (body != null) {
            ready = request.contentType(MediaType.APPLICATION_JSON)
                    .body(body instanceof String s ? s : JSON.writeValueAsString(body));
        }
        EntityExchangeResult<String> result = ready.exchange().returnResult(String.class);
        return new Reply(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
    }

    public Reply get(String path, String token) {
        return send(HttpMethod.GET, path, token, null, Map.of());
    }

    public Reply post(String path, String token, Object body) {
        return send(HttpMethod.POST, path, token, body, Map.of());
    }

    public Reply post(String path, String token, Object body, String idempotencyKey) {
        return send(HttpMethod.POST, path, token, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    public Reply patch(String path, String token, Object body) {
        return send(HttpMethod.PATCH, path, token, body, Map.of());
    }

    public Reply put(String path, String token, Object body) {
        return send(HttpMethod.PUT, path, token, body, Map.of());
    }
}
