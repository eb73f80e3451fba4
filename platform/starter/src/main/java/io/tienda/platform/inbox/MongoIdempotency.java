package io.tienda.platform.inbox;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.UUID;

/**
 * Idempotent consumers for MongoDB services. Without multi-document transactions the record of
 * "already applied" must live in the same document as the effect, written by the same update:
 * the update only matches while the event id is absent from {@value #APPLIED}, and adds it.
 */
public class MongoIdempotency {

    public static final String APPLIED = "_appliedEvents";
    /** Ids kept per document; redeliveries arrive within minutes, not after hundreds of newer events. */
    static final int REMEMBERED = 200;

    private final MongoTemplate mongo;

    public MongoIdempotency(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Applies {@code update} to the document matched by {@code query} once per event; true when it did. */
    public boolean applyOnce(String collection, Query query, Update update, UUID eventId) {
        Query unseen = Query.of(query).addCriteria(Criteria.where(APPLIED).ne(eventId.toString()));
        update.push(APPLIED).slice(-REMEMBERED).each(eventId.toString());
        return mongo.updateFirst(unseen, update, collection).getModifiedCount() == 1;
    }

    /**
     * Inserts a document whose identity is derived from the event, so that a redelivery collides
     * with the first insert instead of creating a twin; true when this call inserted it.
     */
    public boolean insertOnce(String collection, Document document, UUID eventId) {
        document.put("_id", eventId.toString());
        try {
            mongo.insert(document, collection);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
