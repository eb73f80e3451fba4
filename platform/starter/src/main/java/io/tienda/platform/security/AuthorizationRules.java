package io.tienda.platform.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own URL rules, applied after the platform's (actuator, API docs) and before the
 * closing "everything else needs a token". Declare one bean per service, e.g.
 * {@code rules -> publicReads(rules, "/api/v1/products/**")}.
 */
@FunctionalInterface
public interface AuthorizationRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

    /**
     * Lets anyone read these paths: GET and HEAD alike. A HEAD is the GET without its body (RFC 9110
     * section 9.3.2), which Spring MVC serves from the GET handler; a rule naming GET alone left it behind a
     * token, so a link checker or a cache asking HEAD of a public page got 401.
     */
    static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry publicReads(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
            String... paths) {
        return rules.requestMatchers(HttpMethod.GET, paths).permitAll()
                .requestMatchers(HttpMethod.HEAD, paths).permitAll();
    }
}
