package io.tienda.product.brand.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code brands} collection ({@code _id, slug, name, logoUrl}). Products carry a copy of their
 * brand's id and name, so listing products never joins; brands are read on their own pages.
 * Runs before anything that writes at start (path repair, demo catalog): unique indexes come first.
 */
@Component
@Order(0)
class BrandIndexes implements ApplicationRunner {

    static final String COLLECTION = "brands";

    private final MongoTemplate mongo;

    BrandIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(COLLECTION).createIndex(new Index("slug", Sort.Direction.ASC).named("slug_unique").unique());
    }
}
