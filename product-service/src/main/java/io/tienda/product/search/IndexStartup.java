package io.tienda.product.search;

import io.tienda.product.search.messaging.CatalogChangesListener;
import io.tienda.product.search.persistence.SearchIndexer;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Builds the index from MongoDB once the service has started, in the background: first waits until
 * the change consumer has its partitions (so no change can slip between the build's read and the
 * consumer's first poll), then builds, retrying with backoff while MongoDB cannot be read. Start-up
 * waits for the build up to {@code tienda.search.startup-wait}: a small catalog is searchable the
 * moment the service reports itself started, while a large one goes on building and readiness
 * tells (see {@link SearchIndexHealthIndicator}).
 */
@Component
class IndexStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IndexStartup.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    private final SearchIndexer indexer;
    private final CatalogChangesListener changes;
    private final SearchProperties properties;
    private final CountDownLatch firstBuild = new CountDownLatch(1);
    private volatile boolean stopping;
    private Thread builder;

    IndexStartup(SearchIndexer indexer, CatalogChangesListener changes, SearchProperties properties) {
        this.indexer = indexer;
        this.changes = changes;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        builder = new Thread(this::buildInBackground, "search-index-build");
        builder.setDaemon(true);
        builder.start();
        if (!firstBuild.await(properties.startupWait().toMillis(), TimeUnit.MILLISECONDS)) {
            log.info("search index still building after {}; the service starts, readiness waits for the index",
                    properties.startupWait());
        }
    }

    private void buildInBackground() {
        try {
            boolean assigned = changes.awaitAssignment(properties.assignmentTimeout());
            if (!assigned) {
                log.warn("the search index's consumer has no Kafka partitions after {}; building anyway, "
                        + "and again once it has them", properties.assignmentTimeout());
            }
            buildUntilDone();
            firstBuild.countDown();
            if (!assigned) {
                while (!stopping && !changes.awaitAssignment(Duration.ofMinutes(1))) {
                    log.warn("the search index's consumer still has no Kafka partitions; changes are not followed");
                }
                if (!stopping) {
                    buildUntilDone();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void buildUntilDone() throws InterruptedException {
        Duration delay = Duration.ofSeconds(1);
        while (!stopping) {
            try {
                indexer.rebuild();
                return;
            } catch (RuntimeException e) {
                log.warn("building the search index failed, retrying in {}: {}", delay, e.toString());
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay.multipliedBy(2);
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        if (builder != null) {
            builder.interrupt();
            builder.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
