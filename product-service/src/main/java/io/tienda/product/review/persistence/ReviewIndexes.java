package io.tienda.product.review.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * The {@code reviews} and {@code purchases} collections. One review per author and product is the
 * unique index's to enforce, so two racing submissions cannot both get in.
 */
@Component
class ReviewIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    ReviewIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        IndexOperations reviews = mongo.indexOps(ReviewDocument.COLLECTION);
        reviews.createIndex(new Index("productId", Sort.Direction.ASC).on("userId", Sort.Direction.ASC)
                .named("product_author_unique").unique());
        reviews.createIndex(new Index("productId", Sort.Direction.ASC).on("hidden", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("product_visible_newest"));
        reviews.createIndex(new Index("userId", Sort.Direction.ASC).named("author"));
        IndexOperations purchases = mongo.indexOps(MongoPurchases.COLLECTION);
        purchases.createIndex(new Index("userId", Sort.Direction.ASC).named("buyer"));
    }
}
