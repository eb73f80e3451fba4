package io.tienda.gateway.problem;

import io.tienda.platform.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Maps whatever went wrong inside the gateway to a problem response. Ordered before Spring Boot's
 * handler so no error ever leaves as HTML, a bare status or a stack trace.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    /** nginx's convention for "the client went away before the answer", as the access log has it. */
    static final HttpStatusCode CLIENT_CLOSED_REQUEST = HttpStatusCode.valueOf(499);

    private final ProblemWriter writer;

    ProblemExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            // Too late to answer differently; let the server close the connection.
            return Mono.error(ex);
        }
        if (clientGone(exchange)) {
            // Nobody is left to answer: the client closed the connection, or the gateway refused the rest
            // of a body it could not read and closed it (UnreadableRequests). Not the gateway's failure,
            // so not a 500 in the access log and the metrics, nor an ERROR: nginx's 499.
            log.debug("{} {}: the connection closed before the answer: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), ex.toString());
            exchange.getResponse().setStatusCode(CLIENT_CLOSED_REQUEST);
            return Mono.empty();
        }
        Answer answer = answer(exchange, ex);
        if (answer.type() == ProblemType.INTERNAL) {
            log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), ex);
        }
        return writer.write(exchange, answer.type(), answer.detail(), answer.headers());
    }

    /** Whether the connection the request came in on is closed, so that no answer can reach anyone. */
    static boolean clientGone(ServerWebExchange exchange) {
        Object request;
        try {
            request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        } catch (IllegalStateException noServer) {
            // a request built without a server (a mock) has no connection to lose
            return false;
        }
        return request instanceof Connection connection && !connection.channel().isActive();
    }

    private Answer answer(ServerWebExchange exchange, Throwable ex) {
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        if (ex instanceof ProblemException problem) {
            return new Answer(problem.type(), problem.getMessage(), problem.headers());
        }
        if (ex instanceof NotFoundException notFound) {
            // The load balancer found no instance of the route's service.
            return new Answer(ProblemType.SERVICE_UNAVAILABLE, notFound.getReason(), HttpHeaders.EMPTY);
        }
        if (ex instanceof ResponseStatusException status) {
            // a bare 400 from the gateway's own request handling means the request itself is malformed
            int code = status.getStatusCode().value();
            ProblemType type = code == 400 ? ProblemType.MALFORMED_REQUEST : ProblemType.forStatus(code);
            return new Answer(type, detail(type, method, path), status.getHeaders());
        }
        if (ex instanceof RestClientResponseException refused
                && refused.getStatusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            String retryAfter = exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
            return new Answer(ProblemType.RATE_LIMITED, retryAfter == null ? "Rate limit exceeded"
                    : "Rate limit exceeded; retry after " + retryAfter + " s", HttpHeaders.EMPTY);
        }
        if (ex instanceof DataBufferLimitException) {
            return new Answer(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large", HttpHeaders.EMPTY);
        }
        if (ex instanceof AuthenticationServiceException) {
            log.warn("Bearer token could not be verified: {}", ex.getMessage());
            return new Answer(ProblemType.SERVICE_UNAVAILABLE,
                    "Bearer tokens cannot be verified right now; try again shortly", HttpHeaders.EMPTY);
        }
        if (ex instanceof TimeoutException) {
            return new Answer(ProblemType.GATEWAY_TIMEOUT, "The upstream service did not answer in time",
                    HttpHeaders.EMPTY);
        }
        if (ex instanceof IOException) {
            log.warn("Upstream I/O failure on {} {}: {}", method, path, ex.toString());
            return new Answer(ProblemType.BAD_GATEWAY, "The upstream service could not be reached",
                    HttpHeaders.EMPTY);
        }
        return new Answer(ProblemType.INTERNAL, "The gateway failed to process the request", HttpHeaders.EMPTY);
    }

    /** Framework reasons can echo internals; the gateway says only what the client can act on. */
    private static String detail(ProblemType type, String method, String path) {
        return switch (type) {
            case NOT_FOUND -> "Nothing is served at " + path;
            case METHOD_NOT_ALLOWED -> method + " is not supported at " + path;
            case NOT_ACCEPTABLE -> "None of the accepted media types can be produced";
            case UNSUPPORTED_MEDIA_TYPE -> "The request's content type is not supported";
            case PAYLOAD_TOO_LARGE -> "The request body is too large";
            case GATEWAY_TIMEOUT -> "The upstream service did not answer in time";
            case SERVICE_UNAVAILABLE -> "The service is unavailable; try again shortly";
            case MALFORMED_REQUEST -> "The request could not be read";
            default -> type.title();
        };
    }

    private record Answer(ProblemType type, String detail, HttpHeaders headers) {
    }
}
