package io.tienda.gateway.ratelimit;

import io.tienda.gateway.clientip.ClientIpResolver;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whose bucket a request draws from: the user's (JWT {@code sub}) when it carries a valid bearer
 * token, so shoppers behind one NAT do not starve each other; otherwise the client IP. Invalid
 * tokens never get here (401 first), so a forged {@code sub} cannot pick someone else's bucket.
 */
class ClientKeyResolver implements KeyResolver {

    private final ClientIpResolver clientIp;
    private final boolean byUser;

    ClientKeyResolver(ClientIpResolver clientIp, boolean byUser) {
        this.clientIp = clientIp;
        this.byUser = byUser;
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        String byIp = "ip:" + clientIp.resolve(exchange);
        if (!byUser) {
            return Mono.just(byIp);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> "user:" + principal.getName())
                .defaultIfEmpty(byIp);
    }
}
