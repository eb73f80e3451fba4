package io.tienda.notification.contact.persistence;

import io.tienda.notification.contact.domain.Contact;
import io.tienda.notification.contact.domain.Contacts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code contacts}: {@code _id} (user id), {@code email}, {@code name}, {@code language}, {@code asOf},
 * and {@code erasedAt} once the user is erased (then nothing else).
 */
@Repository
class MongoContacts implements Contacts {

    static final String COLLECTION = "contacts";

    private final MongoTemplate mongo;

    MongoContacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Contact> find(String userId) {
        ContactDocument found = mongo.findById(userId, ContactDocument.class, COLLECTION);
        if (found == null || found.erasedAt() != null || found.email() == null) {
            return Optional.empty();
        }
        return Optional.of(new Contact(found.id(), found.email(), found.name(), found.language(), found.asOf()));
    }

    @Override
    public boolean remember(Contact contact) {
        Update update = new Update().set("email", contact.email()).set("name", contact.name())
                .set("language", contact.language()).set("asOf", contact.asOf());
        // Only over an older entry; the erased keep their tombstone.
        Query older = Query.query(where("_id").is(contact.userId()).and("erasedAt").is(null)
                .and("asOf").lt(contact.asOf()));
        if (mongo.updateFirst(older, update, COLLECTION).getMatchedCount() == 1) {
            return true;
        }
        if (mongo.exists(Query.query(where("_id").is(contact.userId())), COLLECTION)) {
            return false;
        }
        try {
            mongo.insert(new ContactDocument(contact.userId(), contact.email(), contact.name(), contact.language(),
                    contact.asOf(), null), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            // Another announcement for the same user landed first; apply this one only if it is newer.
            return mongo.updateFirst(older, update, COLLECTION).getMatchedCount() == 1;
        }
    }

    @Override
    public boolean erased(String userId) {
        return mongo.exists(Query.query(where("_id").is(userId).and("erasedAt").ne(null)), COLLECTION);
    }

    @Override
    public void erase(String userId, Instant at) {
        mongo.upsert(Query.query(where("_id").is(userId)),
                new Update().unset("email").unset("name").unset("language").set("erasedAt", at).set("asOf", at),
                COLLECTION);
    }

    record ContactDocument(String id, String email, String name, String language, Instant asOf, Instant erasedAt) {
    }
}
