package io.tienda.notification.mailing.persistence;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Records kept once by their id: a redelivered event finds its record there and the first one stays. */
final class MongoInserts {

    private MongoInserts() {
    }

    /** Inserts the document unless one with its id exists; answers whether this call inserted it. */
    static boolean once(MongoTemplate mongo, Object document) {
        try {
            mongo.insert(document);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
