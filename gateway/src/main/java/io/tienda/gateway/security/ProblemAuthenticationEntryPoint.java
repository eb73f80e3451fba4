package io.tienda.gateway.security;

import io.tienda.platform.problem.ProblemType;
import io.tienda.gateway.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A rejected bearer token answers 401 as a problem, with the RFC 6750 challenge clients use to
 * tell "log in again" from other failures. Why the token failed is logged nowhere and told to
 * no one: that would help forge one.
 */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        HttpHeaders headers = new HttpHeaders();
        if (ex instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error.getErrorCode() + "\"");
            return problems.write(exchange, ProblemType.UNAUTHORIZED, "The bearer token is invalid or expired", headers);
        }
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problems.write(exchange, ProblemType.UNAUTHORIZED, "Authentication is required", headers);
    }
}
