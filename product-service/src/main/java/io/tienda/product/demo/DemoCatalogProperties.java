package io.tienda.product.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled         load the demo catalog at start (the local fleet turns it on); off by default
 * @param size            how many products in all: up to the ~300 curated ones, the rest generated
 *                        (e.g. 100000 for benchmarks); absent means exactly the curated catalog
 * @param batchSize       generated products stored per bulk write
 * @param announceThreads concurrent sends of the generated products' {@code product.created}; each send
 *                        waits for the broker's acknowledgement, so throughput grows with senders
 */
@ConfigurationProperties("tienda.products.demo-catalog")
public record DemoCatalogProperties(boolean enabled, Integer size, Integer batchSize, Integer announceThreads) {

    public DemoCatalogProperties {
        if (size != null && size < 0) {
            throw new IllegalArgumentException("tienda.products.demo-catalog.size must not be negative");
        }
        batchSize = batchSize == null || batchSize < 1 ? 1000 : batchSize;
        announceThreads = announceThreads == null || announceThreads < 1 ? 64 : announceThreads;
    }
}
