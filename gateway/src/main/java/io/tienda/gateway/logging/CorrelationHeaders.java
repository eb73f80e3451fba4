package io.tienda.gateway.logging;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import io.tienda.gateway.routing.ProxiedHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;

/**
 * Carries the request's correlation to the service: its {@code X-Request-Id}, and its trace with the
 * gateway's request span as the parent ({@code traceparent}, and whatever else the configured
 * propagation writes), in place of any the client sent. A client's {@code baggage} is left behind
 * too: the gateway propagates none ({@code management.tracing.baggage.enabled=false}), and a client's
 * must not enter the fleet's trace context. Spring Cloud Gateway's own observation of the proxied
 * call is off ({@code spring.cloud.gateway.server.webflux.observability.enabled=false}): it opened a
 * second span per request, whose only effect beyond these headers was a client span under the
 * gateway's span, and cost the gateway about a twentieth of its CPU per request. The sampling
 * decision travels with the headers, so services record exactly the requests the gateway records.
 */
@Component
class CorrelationHeaders implements ProxiedHeaders {

    /** W3C Baggage. */
    static final String BAGGAGE = "baggage";

    private final Propagator propagator;
    private final List<String> traceFields;

    CorrelationHeaders(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
        this.traceFields = List.copyOf(this.propagator.fields());
    }

    @Override
    public boolean replaces(String name) {
        if (name.equalsIgnoreCase(RequestId.HEADER) || name.equalsIgnoreCase(BAGGAGE)) {
            return true;
        }
        for (String field : traceFields) {
            if (name.equalsIgnoreCase(field)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void write(HttpHeaders proxied, ServerWebExchange exchange) {
        String requestId = RequestId.of(exchange);
        if (requestId != null) {
            proxied.set(RequestId.HEADER, requestId);
        }
        TraceContext trace = RequestTrace.of(exchange);
        if (trace != null) {
            propagator.inject(trace, proxied, HttpHeaders::set);
        }
    }
}
