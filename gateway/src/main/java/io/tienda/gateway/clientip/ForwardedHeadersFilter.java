package io.tienda.gateway.clientip;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is and how it reached us. Spring Cloud Gateway drops
 * client-sent X-Forwarded-* headers unless its own trusted-proxy regex is set; this filter runs
 * after that and writes the values the gateway resolved, so services (lockouts, audit, absolute
 * URLs) see the real client rather than the gateway, and never a client's claim.
 */
@Component
class ForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    private final ClientIpResolver clientIp;

    ForwardedHeadersFilter(ClientIpResolver clientIp) {
        this.clientIp = clientIp;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders original = request.getHeaders();
        boolean viaTrustedProxy = clientIp.isTrustedPeer(request);

        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.set(ClientIpResolver.X_FORWARDED_FOR, clientIp.resolve(request));
        String proto = viaTrustedProxy ? original.getFirst(X_FORWARDED_PROTO) : null;
        headers.set(X_FORWARDED_PROTO, proto != null ? proto : request.getURI().getScheme());
        String host = viaTrustedProxy ? original.getFirst(X_FORWARDED_HOST) : null;
        if (host == null) {
            host = original.getFirst(HttpHeaders.HOST);
        }
        if (host != null) {
            headers.set(X_FORWARDED_HOST, host);
        }
        return headers;
    }

    @Override
    public int getOrder() {
        // After Spring Cloud Gateway's own X-Forwarded handling, which would otherwise strip these.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
