package io.tienda.product.review.persistence;

import io.tienda.platform.mongo.MongoIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.index.Index;

import static org.springframework.data.domain.Sort.Direction.ASC;
import static org.springframework.data.domain.Sort.Direction.DESC;

/**
 * The {@code reviews} and {@code purchases} collections. One review per author and product is the
 * unique index's to enforce, so two racing submissions cannot both get in. A product's latest buyers are where its
 * recommendations start.
 */
@Configuration(proxyBeanMethods = false)
class ReviewIndexes {

    @Bean
    MongoIndexes indexesOfReviews() {
        return MongoIndexes.on(ReviewDocument.COLLECTION,
                new Index("productId", ASC).on("userId", ASC).named("product_author_unique").unique(),
                new Index("productId", ASC).on("hidden", ASC).on("createdAt", DESC).named("product_visible_newest"),
                new Index("userId", ASC).named("author"));
    }

    @Bean
    MongoIndexes indexesOfPurchases() {
        return MongoIndexes.on(MongoPurchases.COLLECTION, new Index("userId", ASC).named("buyer"),
                new Index("productId", ASC).on("lastPurchasedAt", DESC).named("product_recent_buyers"));
    }
}
