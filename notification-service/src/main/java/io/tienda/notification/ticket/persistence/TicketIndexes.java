package io.tienda.notification.ticket.persistence;

import io.tienda.platform.mongo.MongoIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.index.Index;

import static org.springframework.data.domain.Sort.Direction.ASC;
import static org.springframework.data.domain.Sort.Direction.DESC;

/**
 * The {@code tickets} collection: customer queries ({@code _id, customerId, subject, status,
 * messages[], createdAt, updatedAt}). Customers list their own; support works the open queue.
 */
@Configuration(proxyBeanMethods = false)
class TicketIndexes {

    static final String COLLECTION = "tickets";

    @Bean
    MongoIndexes indexesOfTickets() {
        return MongoIndexes.on(COLLECTION,
                new Index("customerId", ASC).on("createdAt", DESC).named("customer_newest"),
                new Index("status", ASC).on("updatedAt", ASC).named("status_queue"));
    }
}
