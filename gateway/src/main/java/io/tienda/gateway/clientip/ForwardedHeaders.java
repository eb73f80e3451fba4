package io.tienda.gateway.clientip;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is and how it reached us: {@code X-Forwarded-For},
 * {@code -Proto} and {@code -Host} carry the values the gateway resolved, so services (lockouts,
 * audit, absolute URLs) see the real client rather than the gateway, and never a client's claim.
 * Whatever forwarding headers came in ({@code Forwarded}, any {@code X-Forwarded-*}) are left
 * behind in the same pass, so Spring Cloud Gateway's own Forwarded and X-Forwarded filters are off
 * ({@code spring.cloud.gateway.server.webflux.forwarded.enabled=false}, {@code x-forwarded.enabled=false}):
 * with no trusted proxy of theirs configured they only dropped the same headers, each copying every
 * header of every request once more.
 */
@Component
class ForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    private static final String X_FORWARDED = "X-Forwarded-";
    private static final String FORWARDED = "Forwarded";

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
        input.forEach((name, values) -> {
            if (!isForwarding(name)) {
                headers.addAll(name, values);
            }
        });
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

    private static boolean isForwarding(String name) {
        return name.regionMatches(true, 0, X_FORWARDED, 0, X_FORWARDED.length()) || name.equalsIgnoreCase(FORWARDED);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
