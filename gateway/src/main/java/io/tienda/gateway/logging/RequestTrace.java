package io.tienda.gateway.logging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace of a request, read from its {@code http.server.requests} observation. The gateway
 * propagates the Reactor context only where asked ({@code spring.reactor.context-propagation=limited},
 * far cheaper per request than restoring it around every operator), so the current span is not in
 * a thread local when filters run; the exchange carries it instead.
 */
final class RequestTrace {

    private RequestTrace() {
    }

    /** The request's span context, or null when tracing is off. */
    static TraceContext of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(Span::context)
                .orElse(null);
    }
}
