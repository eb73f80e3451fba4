package io.tienda.platform.mongo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Creates the {@link MongoIndexes} every feature of a MongoDB service declares, in one runner. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
public class MongoIndexesAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoIndexesAutoConfiguration.class);

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner mongoIndexCreator(MongoTemplate mongo, ObjectProvider<MongoIndexes> declared) {
        return args -> declared.orderedStream().forEach(collection -> {
            collection.indexes().forEach(index -> mongo.indexOps(collection.collection()).createIndex(index));
            log.debug("indexes of {} in place ({})", collection.collection(), collection.indexes().size());
        });
    }
}
