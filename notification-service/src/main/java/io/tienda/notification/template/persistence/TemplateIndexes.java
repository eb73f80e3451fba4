package io.tienda.notification.template.persistence;

import io.tienda.platform.mongo.MongoIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.index.Index;

import static org.springframework.data.domain.Sort.Direction.ASC;

/**
 * The {@code templates} collection ({@code _id, key, channel, locale, subject, body, updatedAt}):
 * exactly one template per message key, channel and locale, e.g. order-confirmed / EMAIL / es.
 */
@Configuration(proxyBeanMethods = false)
class TemplateIndexes {

    static final String COLLECTION = "templates";

    @Bean
    MongoIndexes indexesOfTemplates() {
        return MongoIndexes.on(COLLECTION, new Index("key", ASC).on("channel", ASC).on("locale", ASC)
                .named("key_channel_locale_unique").unique());
    }
}
