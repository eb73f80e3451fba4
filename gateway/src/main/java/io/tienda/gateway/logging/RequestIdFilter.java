package io.tienda.gateway.logging;

import io.tienda.gateway.WebFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Gives every request an X-Request-Id, sends it downstream and returns it to the caller. */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestId.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestId.HEADER));
        exchange.getAttributes().put(RequestId.ATTRIBUTE, requestId);
        // Set when the response commits rather than now: a service echoing the id would otherwise
        // leave the header twice on the proxied response.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(RequestId.HEADER, requestId);
            return Mono.empty();
        });
        // The proxied request gets the header from CorrelationHeaders: copying the headers into a
        // mutated request here would add an exchange decorator that every later attribute lookup walks.
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.REQUEST_ID;
    }
}
