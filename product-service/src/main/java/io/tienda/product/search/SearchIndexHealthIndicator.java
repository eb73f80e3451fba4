package io.tienda.product.search;

import io.tienda.product.search.messaging.CatalogChangesListener;
import io.tienda.product.search.persistence.SearchIndexer;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code searchIndex} in the readiness group: out of service until the first build from MongoDB
 * finished, since a replica that answers searches from a partial index would hide products.
 */
@Component
class SearchIndexHealthIndicator extends AbstractHealthIndicator {

    private final SearchIndexer indexer;
    private final CatalogChangesListener changes;

    SearchIndexHealthIndicator(SearchIndexer indexer, CatalogChangesListener changes) {
        super("search index health check failed");
        this.indexer = indexer;
        this.changes = changes;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        SearchIndexer.BuildReport build = indexer.lastBuild();
        if (indexer.built()) {
            builder.up();
        } else {
            builder.outOfService().withDetail("indexedSoFar", indexer.indexedInBuild());
        }
        builder.withDetail("state", build.state().name());
        if (build.finishedAt() != null) {
            builder.withDetail("lastBuild", build.finishedAt().toString());
        }
        if (build.took() != null) {
            builder.withDetail("lastBuildMillis", build.took().toMillis());
            builder.withDetail("products", build.documents());
        }
        if (build.error() != null) {
            builder.withDetail("error", build.error());
        }
        builder.withDetail("consumerGroup", changes.groupId()).withDetail("followingChanges", changes.assigned());
    }
}
