package io.tienda.gateway.problem;

import io.tienda.gateway.WebFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Renders errors inside the filter chain rather than after it, so the access log (outside this
 * filter) records the status the client actually received. Also pins the problem's
 * {@code instance} to the path the client asked for, before routing rewrites or forwards it.
 */
@Component
class ProblemRenderingFilter implements WebFilter, Ordered {

    private final ProblemExceptionHandler handler;

    ProblemRenderingFilter(ProblemExceptionHandler handler) {
        this.handler = handler;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().putIfAbsent(ProblemWriter.INSTANCE_ATTRIBUTE, exchange.getRequest().getPath().value());
        return chain.filter(exchange).onErrorResume(ex -> handler.handle(exchange, ex));
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.PROBLEMS;
    }
}
