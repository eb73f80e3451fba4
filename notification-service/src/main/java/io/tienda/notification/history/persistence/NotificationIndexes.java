package io.tienda.notification.history.persistence;

import io.tienda.platform.mongo.MongoIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.index.Index;

import static org.springframework.data.domain.Sort.Direction.ASC;
import static org.springframework.data.domain.Sort.Direction.DESC;

/** The {@code notifications} collection: a customer's history, newest first, is one index range. */
@Configuration(proxyBeanMethods = false)
class NotificationIndexes {

    @Bean
    MongoIndexes indexesOfNotifications() {
        return MongoIndexes.on(NotificationDocument.COLLECTION,
                new Index("recipientId", ASC).on("createdAt", DESC).named("recipient_newest"),
                // the sender retries what is still pending, oldest first
                new Index("status", ASC).on("createdAt", ASC).named("status_oldest"),
                // the sender claims the next due message; the order's messages tell a refund's recipient
                new Index("status", ASC).on("nextAttemptAt", ASC).named("status_due"),
                new Index("orderId", ASC).sparse().named("order"));
    }
}
