package io.tienda.user;

import io.tienda.platform.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** What anyone may call without a token; every other route needs one. */
@Configuration(proxyBeanMethods = false)
class PublicRoutes {

    @Bean
    AuthorizationRules userRules() {
        // Sign-up forms show the policy before the shopper has an account.
        return rules -> rules.requestMatchers(HttpMethod.GET, "/api/v1/auth/password-policy").permitAll();
    }
}
