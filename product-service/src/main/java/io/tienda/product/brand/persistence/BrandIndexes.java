package io.tienda.product.brand.persistence;

import io.tienda.platform.mongo.MongoIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.index.Index;

import static org.springframework.data.domain.Sort.Direction.ASC;

/**
 * The {@code brands} collection ({@code _id, slug, name, logoUrl}). Products carry a copy of their
 * brand's id and name, so listing products never joins; brands are read on their own pages.
 */
@Configuration(proxyBeanMethods = false)
class BrandIndexes {

    static final String COLLECTION = "brands";

    @Bean
    MongoIndexes indexesOfBrands() {
        return MongoIndexes.on(COLLECTION, new Index("slug", ASC).named("slug_unique").unique());
    }
}
