package io.tienda.product.category.persistence;

import io.tienda.platform.mongo.MongoIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.index.Index;

import static org.springframework.data.domain.Sort.Direction.ASC;

/** The {@code categories} collection: slugs are URLs; parent and path serve children and subtree reads. */
@Configuration(proxyBeanMethods = false)
class CategoryIndexes {

    @Bean
    MongoIndexes indexesOfCategories() {
        return MongoIndexes.on(CategoryDocument.COLLECTION,
                new Index("slug", ASC).named("slug_unique").unique(),
                new Index("parentId", ASC).named("parent"),
                new Index("path", ASC).named("path"));
    }
}
