package io.tienda.user.auth.api;

import io.tienda.platform.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.Set;

import static io.tienda.platform.security.AuthorizationRules.publicReads;

/**
 * What anyone may call without a token; every other route needs one. Listed one by one rather than
 * as {@code /api/v1/auth/**}: key rotation lives under that path too and is for admins only.
 */
@Configuration(proxyBeanMethods = false)
class PublicRoutes {

    private static final String[] PUBLIC_GET = {"/api/v1/auth/password-policy", "/.well-known/jwks.json"};
    private static final String[] PUBLIC_POST = {"/api/v1/auth/register", "/api/v1/auth/verify-email",
            "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/auth/forgot-password",
            "/api/v1/auth/reset-password"};

    @Bean
    AuthorizationRules userRules() {
        return rules -> publicReads(rules, PUBLIC_GET)
                .requestMatchers(HttpMethod.POST, PUBLIC_POST).permitAll();
    }

    /**
     * Ignores the Authorization header on the public routes: a client refreshing because its access
     * token expired often still sends that token, and must not get a 401 for it.
     */
    @Bean
    BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        Set<String> publicPaths = Set.of(PUBLIC_POST);
        return request -> "POST".equals(request.getMethod()) && publicPaths.contains(request.getRequestURI())
                ? null : standard.resolve(request);
    }
}
