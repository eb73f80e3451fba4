package io.tienda.gateway.cors;

import io.tienda.gateway.WebFilterOrder;
import io.tienda.platform.problem.ProblemType;
import io.tienda.gateway.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers preflights and decorates cross-origin responses. Unlike Spring's CorsWebFilter it
 * refuses a foreign origin with a problem body instead of an empty 403, like every other refusal.
 */
@Component
class CorsFilter implements WebFilter, Ordered {

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemWriter problems;

    CorsFilter(CorsProperties properties, ProblemWriter problems) {
        this.problems = problems;
        this.configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(properties.allowedOrigins());
        configuration.setAllowedMethods(properties.allowedMethods());
        configuration.setAllowedHeaders(properties.allowedHeaders());
        configuration.setExposedHeaders(properties.exposedHeaders());
        configuration.setAllowCredentials(properties.allowCredentials());
        configuration.setMaxAge(properties.maxAge());
        configuration.validateAllowCredentials();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean allowed;
        try {
            if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
                return chain.filter(exchange);
            }
            allowed = processor.process(configuration, exchange);
        } catch (IllegalArgumentException e) {
            // Telling a cross-origin call from a same-origin one parses the Origin header as a URL;
            // one that is not (no browser sends such a value) would otherwise be a 500.
            return problems.write(exchange, ProblemType.MALFORMED_REQUEST,
                    "The Origin header must be an origin: scheme://host[:port]");
        }
        if (!allowed) {
            return problems.write(exchange, ProblemType.FORBIDDEN, "This origin may not call the API");
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.CORS;
    }
}
