package io.tienda.product.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Loads the demo catalog at start when {@code tienda.products.demo-catalog.enabled=true}, after
 * the indexes exist (unique slugs and SKUs keep a concurrent second replica from duplicating it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoCatalogProperties.class)
@Order(100)
class DemoCatalogAtStart implements ApplicationRunner {

    private final DemoCatalog catalog;
    private final DemoCatalogProperties properties;

    DemoCatalogAtStart(DemoCatalog catalog, DemoCatalogProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled()) {
            catalog.load();
        }
    }
}
