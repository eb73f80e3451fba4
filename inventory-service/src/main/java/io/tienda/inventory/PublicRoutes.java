package io.tienda.inventory;

import io.tienda.platform.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.tienda.platform.security.AuthorizationRules.publicReads;

/** What anyone may call without a token; every other route needs one. */
@Configuration(proxyBeanMethods = false)
class PublicRoutes {

    @Bean
    AuthorizationRules inventoryRules() {
        // Shoppers see whether a SKU is in stock while browsing; the list of all stock stays for staff.
        return rules -> publicReads(rules, "/api/v1/inventory/*");
    }
}
