package io.tienda.cart;

import io.tienda.platform.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Guests shop without signing in: the cart endpoints take an X-Cart-Token instead of a bearer token.
 * Merging a guest cart and the checkout snapshot need a signed-in shopper. A bearer token that is
 * sent is still validated on every route: a bad one is a 401, never a guest.
 */
@Configuration(proxyBeanMethods = false)
class PublicRoutes {

    @Bean
    AuthorizationRules cartRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/v1/cart/merge", "/api/v1/cart/checkout").authenticated()
                .requestMatchers("/api/v1/cart", "/api/v1/cart/**").permitAll();
    }
}
