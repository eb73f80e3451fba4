package io.tienda.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own URL rules, applied after the platform's (actuator, API docs) and before the
 * closing "everything else needs a token". Declare one bean per service, e.g.
 * {@code rules -> rules.requestMatchers(GET, "/api/v1/products/**").permitAll()}.
 */
@FunctionalInterface
public interface AuthorizationRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
