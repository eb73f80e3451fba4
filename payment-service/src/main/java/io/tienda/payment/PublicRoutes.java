package io.tienda.payment;

import io.tienda.platform.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** What anyone may call without a token; every other route needs one. */
@Configuration(proxyBeanMethods = false)
class PublicRoutes {

    @Bean
    AuthorizationRules paymentRules() {
        return rules -> rules
                // Stripe (or the simulated provider) calls this; the signature, not a token, proves who sent it.
                .requestMatchers(HttpMethod.POST, "/api/v1/payments/webhooks/stripe").permitAll()
                // The simulated provider's 3-D Secure page: the shopper's browser follows it, as it would Stripe's.
                .requestMatchers("/api/v1/payments/simulator/authenticate/*").permitAll();
    }
}
