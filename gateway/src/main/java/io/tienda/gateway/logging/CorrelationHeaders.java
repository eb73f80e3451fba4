package io.tienda.gateway.logging;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Carries the request's correlation to the service: its {@code X-Request-Id}, and its trace with the
 * gateway's request span as the parent ({@code traceparent}, and whatever else the configured
 * propagation writes), replacing any the client sent. Spring Cloud Gateway's own observation of the proxied call is off
 * ({@code spring.cloud.gateway.server.webflux.observability.enabled=false}): it opened a second span
 * per request, whose only effect beyond these headers was a client span under the gateway's span,
 * and cost the gateway about a twentieth of its CPU per request. The sampling decision travels with
 * the headers, so services record exactly the requests the gateway records.
 */
@Component
class CorrelationHeadersFilter implements HttpHeadersFilter, Ordered {

    /** W3C Baggage. */
    static final String BAGGAGE = "baggage";

    private final Propagator propagator;

    CorrelationHeadersFilter(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(input);
        // The gateway propagates no baggage (management.tracing.baggage.enabled=false); a client's
        // must not enter the fleet's trace context either.
        headers.remove(BAGGAGE);
        String requestId = RequestId.of(exchange);
        if (requestId != null) {
            headers.set(RequestId.HEADER, requestId);
        }
        TraceContext trace = RequestTrace.of(exchange);
        if (trace != null) {
            propagator.fields().forEach(headers::remove);
            propagator.inject(trace, headers, HttpHeaders::set);
        }
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
