package io.tienda.gateway.ratelimit;

import io.tienda.platform.core.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which requests draw from the admin tier (500 an hour per user) instead of their route's tier.
 * Staff work on accounts and keys gets a budget of its own, tighter than a shopper's, so a stolen
 * staff token cannot page through every account at the general rate. The whole rule is this table,
 * checked top to bottom; the first line that matches decides.
 *
 * <pre>
 * /api/v1/users/me, /api/v1/users/me/**   never: the caller's own account (general tier)
 * /api/v1/users                           anyone: listing, searching and creating accounts
 * PATCH /api/v1/users/{id}                anyone: changing someone's roles or status
 * /api/v1/auth/keys, /api/v1/auth/keys/** anyone: signing-key rotation (not the auth tier)
 * /api/v1/users/{id}, .../{id}/**         with a staff token: staff reading or acting on an account
 * </pre>
 *
 * "Anyone" lines are staff-only endpoints: the service refuses everyone else, and a refused caller
 * still spends admin budget (per user, or per IP when anonymous). A staff token carries
 * {@code ADMIN}, {@code MANAGER} or {@code SUPPORT}; a customer reading their own account by id
 * stays in the general tier.
 */
final class AdminRequests {

    static final Set<String> STAFF_AUTHORITIES = Roles.STAFF.stream().map(role -> "ROLE_" + role)
            .collect(Collectors.toUnmodifiableSet());

    private static final List<Rule> RULES = List.of(
            new Rule(null, "/api/v1/users/me/**", Verdict.NEVER),
            new Rule(null, "/api/v1/users", Verdict.ALWAYS),
            new Rule(HttpMethod.PATCH, "/api/v1/users/{id}", Verdict.ALWAYS),
            new Rule(null, "/api/v1/auth/keys/**", Verdict.ALWAYS),
            new Rule(null, "/api/v1/users/{id}/**", Verdict.WITH_STAFF_TOKEN));

    private AdminRequests() {
    }

    static Mono<Boolean> matches(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        PathContainer path = comparablePath(exchange.getRequest().getPath().pathWithinApplication().value());
        for (Rule rule : RULES) {
            if (rule.matches(method, path)) {
                return switch (rule.verdict()) {
                    case NEVER -> Mono.just(false);
                    case ALWAYS -> Mono.just(true);
                    case WITH_STAFF_TOKEN -> exchange.getPrincipal()
                            .filter(JwtAuthenticationToken.class::isInstance)
                            .map(principal -> isStaff((Authentication) principal))
                            .defaultIfEmpty(false);
                };
            }
        }
        return Mono.just(false);
    }

    static boolean isStaff(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(STAFF_AUTHORITIES::contains);
    }

    /** The routes accept a trailing slash, so the table must too: {@code /api/v1/users/} is the collection. */
    private static PathContainer comparablePath(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return PathContainer.parsePath(trimmed);
    }

    private enum Verdict { NEVER, ALWAYS, WITH_STAFF_TOKEN }

    /** @param method null for any method */
    private record Rule(HttpMethod method, PathPattern pattern, Verdict verdict) {

        Rule(HttpMethod method, String pattern, Verdict verdict) {
            this(method, PathPatternParser.defaultInstance.parse(pattern), verdict);
        }

        boolean matches(HttpMethod requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && pattern.matches(path);
        }
    }
}
