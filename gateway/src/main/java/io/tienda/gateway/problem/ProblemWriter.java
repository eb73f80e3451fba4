package io.tienda.gateway.problem;

import io.tienda.platform.problem.ProblemType;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.tienda.gateway.logging.RequestId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes RFC 9457 problems. Every refusal the gateway produces goes through here, so all of them
 * carry the same members: type, title, status, detail, instance (the path the client asked for)
 * and the request id support needs to find the request in the logs.
 */
@Component
public class ProblemWriter {

    static final String INSTANCE_ATTRIBUTE = ProblemWriter.class.getName() + ".instance";

    private final JsonMapper json;
    private final ObjectProvider<Tracer> tracer;

    ProblemWriter(JsonMapper json, ObjectProvider<Tracer> tracer) {
        this.json = json;
        this.tracer = tracer;
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail) {
        return write(exchange, type, detail, HttpHeaders.EMPTY);
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail, HttpHeaders extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = json.writeValueAsBytes(body(exchange, type, detail));
        response.setStatusCode(HttpStatusCode.valueOf(type.status()));
        HttpHeaders headers = response.getHeaders();
        extraHeaders.forEach(headers::put);
        // A failed upstream attempt may have left its own entity headers behind.
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private Map<String, Object> body(ServerWebExchange exchange, ProblemType type, String detail) {
        Map<String, Object> body = members(type, detail,
                exchange.getAttributeOrDefault(INSTANCE_ATTRIBUTE, exchange.getRequest().getPath().value()),
                RequestId.of(exchange));
        String traceId = currentTraceId();
        if (traceId != null) {
            body.put("traceId", traceId);
        }
        return body;
    }

    /**
     * A problem's members in the order every refusal of the gateway writes them; {@code instance} is
     * left out when null (a request whose path could not be read).
     */
    public static Map<String, Object> members(ProblemType type, String detail, String instance, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("requestId", requestId);
        return body;
    }

    private String currentTraceId() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        return span == null ? null : span.context().traceId();
    }
}
