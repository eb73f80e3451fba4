package io.tienda.gateway.logging;

import io.tienda.gateway.WebFilterOrder;
import io.tienda.gateway.clientip.ClientIpResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import io.micrometer.tracing.TraceContext;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One line per request on the {@code tienda.gateway.access} logger. The fields travel as
 * key-value pairs, so the structured (ECS / logstash) console output turns each line into a
 * JSON object with the request's trace and span ids; the message keeps a plain-text log readable.
 * The query string is left out on purpose: it can carry personal data and tokens.
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

    static final String LOGGER = "tienda.gateway.access";

    /** nginx's convention for "the client went away before the answer". */
    private static final int CLIENT_CLOSED_REQUEST = 499;

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final ClientIpResolver clientIp;

    AccessLogFilter(ClientIpResolver clientIp) {
        this.clientIp = clientIp;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> write(exchange, signal, started));
    }

    private void write(ServerWebExchange exchange, SignalType signal, long started) {
        if (!log.isInfoEnabled()) {
            return;
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        int code = signal == SignalType.CANCEL ? CLIENT_CLOSED_REQUEST : status == null ? 200 : status.value();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        TraceContext trace = RequestTrace.of(exchange);
        log.atInfo()
                .addKeyValue("requestId", RequestId.of(exchange))
                .addKeyValue("traceId", trace == null ? null : trace.traceId())
                .addKeyValue("spanId", trace == null ? null : trace.spanId())
                .addKeyValue("method", method)
                .addKeyValue("path", path)
                .addKeyValue("status", code)
                .addKeyValue("durationMs", durationMs)
                .addKeyValue("clientIp", clientIp.resolve(exchange))
                .addKeyValue("user", LoggedUser.of(exchange))
                .addKeyValue("routeId", route == null ? null : route.getId())
                .log("{} {} {} {}ms", method, path, code, durationMs);
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.ACCESS_LOG;
    }
}
