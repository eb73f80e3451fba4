package io.tienda.platform.testing.http;

import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's HTTP API as its clients call it: JSON bodies, an optional bearer token, and every response
 * read in full as an {@link ApiReply}, whatever its status, so that a test asserts on it afterwards.
 *
 * <pre>
 * TestApi api = new TestApi(http);
 * api.get("/api/v1/products/" + id).expect(200).json();
 * api.post("/api/v1/products", TestTokens.staff("MANAGER"), draft).expectProblem(400, "validation");
 * api.send(HttpMethod.PUT, "/api/v1/products/" + id, manager, draft, Map.of("If-Match", "\"1-0\""))
 *     .expectProblem(412, "precondition-failed");
 * </pre>
 *
 * Not final: a service's tests extend it with their own flows, such as signing in.
 */
public class TestApi {

    /** The mapper request bodies are written with and replies read with. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient http;
    private final Map<String, String> headers;

    public TestApi(RestTestClient http) {
        this(http, Map.of());
    }

    /** Every request carries {@code headers}, e.g. the forwarded client IP a proxy would add. */
    public TestApi(RestTestClient http, Map<String, String> headers) {
        this.http = http;
        this.headers = Map.copyOf(headers);
    }

    /**
     * Sends {@code body} as JSON: a String as it is (so a test can send malformed JSON), anything else
     * written by {@link #JSON}. {@code token} and {@code body} may be null; {@code requestHeaders} replace
     * same-named ones given at construction.
     */
    public ApiReply send(HttpMethod method, String path, String token, Object body,
            Map<String, String> requestHeaders) {
        RestTestClient.RequestBodySpec request = http.method(method).uri(path).headers(h -> {
            this.headers.forEach(h::set);
            if (token != null) {
                h.setBearerAuth(token);
            }
            requestHeaders.forEach(h::set);
        });
        RestTestClient.RequestHeadersSpec<?> ready = request;
        if (body != null) {
            ready = request.contentType(MediaType.APPLICATION_JSON)
                .body(body instanceof String text ? text : JSON.writeValueAsString(body));
        }
        EntityExchangeResult<String> result = ready.exchange().returnResult(String.class);
        return new ApiReply(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
    }

    public ApiReply send(HttpMethod method, String path, String token, Object body) {
        return send(method, path, token, body, Map.of());
    }

    public ApiReply get(String path) {
        return send(HttpMethod.GET, path, null, null);
    }

    public ApiReply get(String path, String token) {
        return send(HttpMethod.GET, path, token, null);
    }

    public ApiReply post(String path, Object body) {
        return send(HttpMethod.POST, path, null, body);
    }

    public ApiReply post(String path, String token, Object body) {
        return send(HttpMethod.POST, path, token, body);
    }

    /** A POST a client may retry: the service answers a repeated {@code idempotencyKey} with the first answer. */
    public ApiReply post(String path, String token, Object body, String idempotencyKey) {
        return send(HttpMethod.POST, path, token, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    public ApiReply put(String path, String token, Object body) {
        return send(HttpMethod.PUT, path, token, body);
    }

    public ApiReply patch(String path, String token, Object body) {
        return send(HttpMethod.PATCH, path, token, body);
    }

    public ApiReply delete(String path, String token) {
        return send(HttpMethod.DELETE, path, token, null);
    }
}
