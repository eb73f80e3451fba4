package io.tienda.notification.ticket.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The {@code tickets} collection: customer queries ({@code _id, customerId, subject, status,
 * messages[], createdAt, updatedAt}). Customers list their own; support works the open queue.
 */
@Component
class TicketIndexes implements ApplicationRunner {

    static final String COLLECTION = "tickets";

    private final MongoTemplate mongo;

    TicketIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(COLLECTION).createIndex(new Index("customerId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("customer_newest"));
        mongo.indexOps(COLLECTION).createIndex(new Index("status", Sort.Direction.ASC)
                .on("updatedAt", Sort.Direction.ASC).named("status_queue"));
    }
}
