package io.tienda.notification.mailing.persistence;

import io.tienda.notification.mailing.domain.OrderNumbers;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** {@code order_numbers}: {@code _id} the order's id, {@code number}. No personal data: whose it is stays with the notifications. */
@Repository
class MongoOrderNumbers implements OrderNumbers {

    private final MongoTemplate mongo;

    MongoOrderNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void remember(String orderId, String number) {
        MongoInserts.once(mongo, new OrderNumberDocument(orderId, number));
    }

    @Override
    public Optional<String> of(String orderId) {
        return Optional.ofNullable(mongo.findById(orderId, OrderNumberDocument.class)).map(OrderNumberDocument::number);
    }

    @Document(OrderNumberDocument.COLLECTION)
    record OrderNumberDocument(@Id String id, String number) {

        static final String COLLECTION = "order_numbers";
    }
}
