package io.tienda.notification.history.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The {@code notifications} collection: a customer's history, newest first, is one index range. */
@Component
class NotificationIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    NotificationIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(NotificationDocument.COLLECTION).createIndex(new Index("recipientId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("recipient_newest"));
        // the sender retries what is still pending, oldest first
        mongo.indexOps(NotificationDocument.COLLECTION).createIndex(new Index("status", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("status_oldest"));
    }
}
