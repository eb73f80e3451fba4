package io.tienda.product.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * @param indexDir          where the index lives; by default a fresh temporary directory per process,
 *                          deleted on shutdown. A configured directory is emptied at start; two
 *                          processes must never share one.
 * @param consumerGroup     the Kafka consumer group of this replica's index updates; by default
 *                          {@code product-search-<random>}, because every replica must see every change
 * @param startupWait       how long start-up waits for the first build before going on; the index
 *                          keeps building afterwards and readiness reports it
 * @param assignmentTimeout how long the build waits for the change consumer's partitions before
 *                          building anyway (and building again once they come)
 * @param priceRanges       the bounds of the price facet's ranges, in minor units
 * @param ramBufferMb       the index writer's buffer; it bounds the heap a build takes
 */
@ConfigurationProperties("tienda.search")
public record SearchProperties(Path indexDir, String consumerGroup, Duration startupWait, Duration assignmentTimeout,
        List<Long> priceRanges, Double ramBufferMb) {

    public SearchProperties {
        indexDir = indexDir == null || indexDir.toString().isBlank() ? null : indexDir;
        consumerGroup = consumerGroup == null || consumerGroup.isBlank()
                ? "product-search-" + UUID.randomUUID() : consumerGroup.strip();
        startupWait = startupWait == null ? Duration.ofSeconds(30) : startupWait;
        assignmentTimeout = assignmentTimeout == null ? Duration.ofSeconds(60) : assignmentTimeout;
        priceRanges = priceRanges == null || priceRanges.isEmpty()
                ? List.of(2_000L, 5_000L, 10_000L, 20_000L) : List.copyOf(priceRanges);
        ramBufferMb = ramBufferMb == null ? 16.0 : ramBufferMb;
    }
}
