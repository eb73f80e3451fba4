package io.tienda.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's strict firewall with its header and parameter checks run once, up front.
 * {@link StrictServerWebExchangeFirewall} checks the method, path and host when a request arrives,
 * then wraps the exchange so that every later read of a header or parameter validates it again.
 * The gateway reads headers many times per request (filters, security, routing, the proxied call),
 * each through a fresh validating view and an extra exchange decorator: the firewall was on about
 * 6 % of the gateway's sampled stacks under load. This firewall runs the same strict checks, reads every header name and value and every
 * query parameter once through the strict view (which refuses what it would have refused later),
 * and lets the request go on unwrapped.
 *
 * <p>The difference in behaviour is on the strict side: a malformed header is refused even when
 * nothing would have read it, while the lazy checks let such a header through to the service.
 */
final class ValidateOnceFirewall implements ServerWebExchangeFirewall {

    private final StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();

    @Override
    public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
        return strict.getFirewalledExchange(exchange).map(checked -> {
            validateAll(checked.getRequest());
            return exchange;
        });
    }

    /** Each read through the strict view validates what it reads, and throws if it is not allowed. */
    private static void validateAll(ServerHttpRequest checked) {
        HttpHeaders headers = checked.getHeaders();
        for (String name : headers.headerNames()) {
            headers.get(name);
        }
        checked.getQueryParams();
    }
}
