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
 * Continues the request's trace in the service: the proxied request carries the gateway's request
 * span as its parent ({@code traceparent}, and whatever else the configured propagation writes),
 * replacing any the client sent. Spring Cloud Gateway's own observation of the proxied call is off
 * ({@code spring.cloud.gateway.server.webflux.observability.enabled=false}): it opened a second span
 * per request, whose only effect beyond these headers was a client span under the gateway's span,
 * and cost the gateway about a twentieth of its CPU per request. The sampling decision travels with
 * the headers, so services record exactly the requests the gateway records.
 */
@Component
class TraceHeadersFilter implements HttpHeadersFilter, Ordered {

    private final Propagator propagator;

    TraceHeadersFilter(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        TraceContext trace = RequestTrace.of(exchange);
        if (trace == null) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(input);
        propagator.fields().forEach(headers::remove);
        propagator.inject(trace, headers, HttpHeaders::set);
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
