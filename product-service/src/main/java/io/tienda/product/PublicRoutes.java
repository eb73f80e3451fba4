package io.tienda.product;

import io.tienda.platform.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static io.tienda.platform.security.AuthorizationRules.publicReads;

/** Shoppers browse the catalog without signing in; every other route needs a token. */
@Configuration(proxyBeanMethods = false)
class PublicRoutes {

    @Bean
    AuthorizationRules productRules() {
        return rules -> publicReads(rules,
                "/api/v1/products", "/api/v1/products/**",
                "/api/v1/categories", "/api/v1/categories/**",
                "/api/v1/brands", "/api/v1/brands/**",
                "/api/v1/search/**",
                "/api/v1/offers", "/api/v1/offers/**")
                // prices are public; a token, when sent, only adds the caller's own coupon uses
                .requestMatchers(HttpMethod.POST, "/api/v1/pricing").permitAll();
    }
}
