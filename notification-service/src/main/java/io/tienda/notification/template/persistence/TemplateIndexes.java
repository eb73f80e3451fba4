package io.tienda.notification.template.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The {@code templates} collection ({@code _id, key, channel, locale, subject, body, updatedAt}):
 * exactly one template per message key, channel and locale, e.g. order-confirmed / EMAIL / es.
 */
@Component
class TemplateIndexes implements ApplicationRunner {

    static final String COLLECTION = "templates";

    private final MongoTemplate mongo;

    TemplateIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(COLLECTION).createIndex(new Index("key", Sort.Direction.ASC).on("channel", Sort.Direction.ASC)
                .on("locale", Sort.Direction.ASC).named("key_channel_locale_unique").unique());
    }
}
