package io.tienda.gateway.routing;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.tienda.gateway.problem.ProblemException;
import io.tienda.platform.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards when the service failed, timed out, has no instance,
 * or the breaker is open: a 503 problem naming the service, never a bare 500.
 */
final class Fallback {

    /** Internal forward target; the service name follows. */
    static final String PATH = "/__gateway/fallback/";

    private static final Logger log = LoggerFactory.getLogger(Fallback.class);

    private Fallback() {
    }

    static Mono<ServerResponse> handle(ServerRequest request) {
        Throwable cause = (Throwable) request.attribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR)
                .orElse(null);
        if (cause == null) {
            // Not forwarded by a breaker: someone called the internal path directly.
            return Mono.error(new ProblemException(ProblemType.NOT_FOUND, "Nothing is served at " + request.path()));
        }
        String service = request.pathVariable("service");
        String detail;
        if (cause instanceof NotFoundException) {
            detail = "No instance of " + service + " is available; try again shortly";
        }
        else if (cause instanceof CallNotPermittedException) {
            detail = service + " is failing; requests to it are paused briefly";
        }
        else {
            log.warn("{} failed behind its circuit breaker: {}", service, cause.toString());
            detail = service + " is unavailable; try again shortly";
        }
        return Mono.error(new ProblemException(ProblemType.SERVICE_UNAVAILABLE, detail));
    }
}
