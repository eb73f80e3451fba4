package io.tienda.product.offer.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/** The {@code offers} collection: live offers by window, and one offer per coupon code. */
@Component
class OfferIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    OfferIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        IndexOperations offers = mongo.indexOps(OfferDocument.COLLECTION);
        offers.createIndex(new Index("active", Sort.Direction.ASC).on("startsAt", Sort.Direction.DESC)
                .named("active_window"));
        // sparse: most offers have no code, and they must not collide on a missing one
        offers.createIndex(new Index("couponCode", Sort.Direction.ASC).named("coupon_unique").unique().sparse());
    }
}
