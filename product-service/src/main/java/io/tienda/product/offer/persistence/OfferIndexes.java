package io.tienda.product.offer.persistence;

import io.tienda.platform.mongo.MongoIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.index.Index;

import static org.springframework.data.domain.Sort.Direction.ASC;
import static org.springframework.data.domain.Sort.Direction.DESC;

/** The {@code offers} collection: live offers by window, and one offer per coupon code. */
@Configuration(proxyBeanMethods = false)
class OfferIndexes {

    @Bean
    MongoIndexes indexesOfOffers() {
        return MongoIndexes.on(OfferDocument.COLLECTION,
                new Index("active", ASC).on("startsAt", DESC).named("active_window"),
                // sparse: most offers have no code, and they must not collide on a missing one
                new Index("couponCode", ASC).named("coupon_unique").unique().sparse());
    }
}
