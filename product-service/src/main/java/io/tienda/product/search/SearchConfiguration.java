package io.tienda.product.search;

import io.tienda.product.catalog.domain.ProductCatalog;
import io.tienda.product.search.domain.CategoryLineage;
import io.tienda.product.search.domain.ProductSearch;
import io.tienda.product.search.persistence.CatalogReader;
import io.tienda.product.search.persistence.SearchEngine;
import io.tienda.product.search.persistence.SearchIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

    @Bean(destroyMethod = "close")
    SearchEngine searchEngine(SearchProperties properties, ProductCatalog catalog, CategoryLineage lineage,
            Clock clock) {
        SearchEngine engine = SearchEngine.onDisk(properties.indexDir(), properties.ramBufferMb(),
                properties.priceRanges(), CatalogReader.of(catalog), lineage, clock);
        log.info("search index in {}", engine.location());
        return engine;
    }

    @Bean
    ProductSearch productSearch(SearchEngine engine) {
        return engine.search();
    }

    @Bean
    SearchIndexer searchIndexer(SearchEngine engine) {
        return engine.indexer();
    }
}
