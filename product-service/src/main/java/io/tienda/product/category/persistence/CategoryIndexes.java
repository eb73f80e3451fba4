package io.tienda.product.category.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The {@code categories} collection: slugs are URLs; parent and path serve children and subtree reads. * Runs before anything that writes at start (path repair, demo catalog): unique indexes come first.
 */
@Component
@Order(0)
class CategoryIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    CategoryIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        IndexOperations categories = mongo.indexOps(CategoryDocument.COLLECTION);
        categories.createIndex(new Index("slug", Sort.Direction.ASC).named("slug_unique").unique());
        categories.createIndex(new Index("parentId", Sort.Direction.ASC).named("parent"));
        categories.createIndex(new Index("path", Sort.Direction.ASC).named("path"));
    }
}
