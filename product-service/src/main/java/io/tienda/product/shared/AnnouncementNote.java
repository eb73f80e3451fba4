package io.tienda.product.shared;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.HashMap;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The note a brand or a category keeps on its own document while its products still wait for a change it
 * made (a brand's new name, a category's new path): {@value #FIELD}, a counter that the change raises in the
 * same write as itself ({@link #raise}) and that is cleared once the products have it, unless a later change
 * raised it meanwhile ({@link #clear}). Each feature keeps the note in its own collection; only the mechanism
 * is shared. {@link UnfinishedChangesAtStart} finishes what a crash left noted.
 */
public final class AnnouncementNote {

    public static final String FIELD = "productsToAnnounce";

    private final MongoTemplate mongo;
    private final String collection;

    public AnnouncementNote(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /** Adds one to the note in {@code update}, the write of the change itself. */
    public static Update raise(Update update) {
        return update.inc(FIELD, 1L);
    }

    /** The note on a stored document; 0 when it has none. */
    public static long of(Document stored) {
        Object note = stored == null ? null : stored.get(FIELD);
        return note instanceof Number number ? number.longValue() : 0;
    }

    /** The note on document {@code id}; 0 when it has none or does not exist. */
    public long of(String id) {
        Query document = Query.query(where("_id").is(id));
        document.fields().include(FIELD);
        return of(mongo.findOne(document, Document.class, collection));
    }

    /** Every document with a note, by id. */
    public Map<String, Long> all() {
        Query noted = Query.query(where(FIELD).exists(true));
        noted.fields().include("_id").include(FIELD);
        Map<String, Long> notes = new HashMap<>();
        mongo.find(noted, Document.class, collection).forEach(document -> notes.put(document.getString("_id"),
                of(document)));
        return notes;
    }

    /** Clears the note of {@code id} if it is still {@code note}: a change noted since keeps it. */
    public void clear(String id, long note) {
        mongo.updateFirst(Query.query(where("_id").is(id).and(FIELD).is(note)), new Update().unset(FIELD),
                collection);
    }
}
