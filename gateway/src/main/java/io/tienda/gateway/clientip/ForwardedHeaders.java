package io.tienda.gateway.clientip;

import io.tienda.gateway.routing.ProxiedHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is and how it reached us: {@code X-Forwarded-For},
 * {@code -Proto} and {@code -Host} carry the values the gateway resolved, so services (lockouts,
 * audit, absolute URLs) see the real client rather than the gateway, and never a client's claim.
 * Whatever forwarding headers came in ({@code Forwarded}, any {@code X-Forwarded-*}) are left
 * behind when the proxied request's headers are copied ({@link io.tienda.gateway.routing.ProxiedHeadersFilter}).
 */
@Component
class ForwardedHeaders implements ProxiedHeaders {

    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    private static final String X_FORWARDED = "X-Forwarded-";
    private static final String FORWARDED = "Forwarded";

    private final ClientIpResolver clientIp;

    ForwardedHeaders(ClientIpResolver clientIp) {
        this.clientIp = clientIp;
    }

    @Override
    public boolean replaces(String name) {
        return name.regionMatches(true, 0, X_FORWARDED, 0, X_FORWARDED.length()) || name.equalsIgnoreCase(FORWARDED);
    }

    @Override
    public void write(HttpHeaders proxied, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders original = request.getHeaders();
        boolean viaTrustedProxy = clientIp.isTrustedPeer(request);
        proxied.set(ClientIpResolver.X_FORWARDED_FOR, clientIp.resolve(exchange));
        String proto = viaTrustedProxy ? original.getFirst(X_FORWARDED_PROTO) : null;
        proxied.set(X_FORWARDED_PROTO, proto != null ? proto : request.getURI().getScheme());
        String host = viaTrustedProxy ? original.getFirst(X_FORWARDED_HOST) : null;
        if (host == null) {
            host = original.getFirst(HttpHeaders.HOST);
        }
        if (host != null) {
            proxied.set(X_FORWARDED_HOST, host);
        }
    }
}
