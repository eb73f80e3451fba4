package io.tienda.product.catalog.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code products} collection's indexes at start (creating an existing index is a
 * no-op). Slugs are URLs and SKUs are what orders and stock refer to, so both are unique.
 * Runs before anything that writes at start (path repair, demo catalog): unique indexes come first.
 */
@Component
@Order(0)
class ProductIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    ProductIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        IndexOperations products = mongo.indexOps(ProductDocument.COLLECTION);
        products.createIndex(new Index("slug", Sort.Direction.ASC).named("slug_unique").unique());
        // partial rather than sparse: a draft without variants must not collide with another on a
        // missing SKU, and sparse indexes on a path inside an array are not enforced by every server
        products.createIndex(new Index("variants.sku", Sort.Direction.ASC).named("variant_sku_unique").unique()
                .partial(PartialIndexFilter.of(Criteria.where("variants.sku").exists(true))));
        products.createIndex(new Index("categoryId", Sort.Direction.ASC).named("category"));
        products.createIndex(new Index("active", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("active_newest"));
        // the list's filters and sorts; a real mongod uses them, the local wire server scans
        products.createIndex(new Index("brand.slug", Sort.Direction.ASC).named("brand_slug"));
        products.createIndex(new Index("brand.id", Sort.Direction.ASC).named("brand_id"));
        products.createIndex(new Index("active", Sort.Direction.ASC).on("fromPrice", Sort.Direction.ASC)
                .named("active_price"));
        products.createIndex(new Index("active", Sort.Direction.ASC).on("rating.average", Sort.Direction.DESC)
                .named("active_rating"));
    }
}
