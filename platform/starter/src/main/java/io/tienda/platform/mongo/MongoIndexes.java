package io.tienda.platform.mongo;

import org.springframework.data.mongodb.core.index.IndexDefinition;

import java.util.List;
import java.util.Objects;

/**
 * The indexes one collection needs, declared as a bean by the feature that owns the collection:
 *
 * <pre>{@code
 * @Bean
 * MongoIndexes brandIndexes() {
 *     return MongoIndexes.on("brands", new Index("slug", ASC).named("slug_unique").unique());
 * }
 * }</pre>
 *
 * The starter creates every declared index once at start, before any other application runner
 * (unique indexes must exist before anything writes), idempotently: an index that exists is left.
 */
public record MongoIndexes(String collection, List<IndexDefinition> indexes) {

    public MongoIndexes {
        Objects.requireNonNull(collection, "collection");
        indexes = List.copyOf(indexes);
    }

    public static MongoIndexes on(String collection, IndexDefinition... indexes) {
        return new MongoIndexes(collection, List.of(indexes));
    }
}
