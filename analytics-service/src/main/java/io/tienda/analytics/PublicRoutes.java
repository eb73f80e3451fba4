package io.tienda.analytics;

import io.tienda.platform.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.tienda.platform.security.AuthorizationRules.publicReads;

/**
 * The staff dashboard's files (HTML, scripts, styles) are public: they hold no data, and the page
 * signs in before it asks for any. Every report stays behind a bearer token.
 */
@Configuration(proxyBeanMethods = false)
class PublicRoutes {

    @Bean
    AuthorizationRules dashboardRules() {
        return rules -> publicReads(rules, "/dashboard", "/dashboard/", "/dashboard/**");
    }
}
