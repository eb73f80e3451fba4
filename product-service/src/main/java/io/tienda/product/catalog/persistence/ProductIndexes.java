package io.tienda.product.catalog.persistence;

import io.tienda.platform.mongo.MongoIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;

import static org.springframework.data.domain.Sort.Direction.ASC;
import static org.springframework.data.domain.Sort.Direction.DESC;

/**
 * The {@code products} collection's indexes. Slugs are URLs and SKUs are what orders and stock refer
 * to, so both are unique; the store relies on these two indexes alone to keep them so.
 */
@Configuration(proxyBeanMethods = false)
class ProductIndexes {

    @Bean
    MongoIndexes indexesOfProducts() {
        return MongoIndexes.on(ProductDocument.COLLECTION,
                new Index("slug", ASC).named("slug_unique").unique(),
                // partial rather than sparse: a draft without variants must not collide with another on a
                // missing SKU, and sparse indexes on a path inside an array are not enforced by every server
                new Index("variants.sku", ASC).named("variant_sku_unique").unique()
                        .partial(PartialIndexFilter.of(Criteria.where("variants.sku").exists(true))),
                new Index("categoryId", ASC).named("category"),
                new Index("active", ASC).on("createdAt", DESC).named("active_newest"),
                // the list's filters and sorts; a real mongod uses them, the local wire server scans
                new Index("brand.slug", ASC).named("brand_slug"),
                new Index("brand.id", ASC).named("brand_id"),
                new Index("active", ASC).on("fromPrice", ASC).named("active_price"),
                new Index("active", ASC).on("rating.average", DESC).named("active_rating"));
    }
}
