package io.tienda.platform.outbox;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

/** The backlog of the MongoDB outbox: messages still in the {@code _outbox} array of any document, in every collection. */
final class MongoOutboxReader implements Supplier<OutboxBacklog.Snapshot> {

    private final MongoTemplate mongo;

    MongoOutboxReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public OutboxBacklog.Snapshot get() {
        long messages = 0;
        Instant oldest = null;
        for (String collection : mongo.getCollectionNames()) {
            if (collection.startsWith("system.")) {
                continue;
            }
            Query pending = Query.query(Criteria.where(MongoOutbox.FIELD + ".0").exists(true));
            pending.fields().include(MongoOutbox.FIELD);
            for (Document document : mongo.find(pending, Document.class, collection)) {
                List<Document> waiting = document.getList(MongoOutbox.FIELD, Document.class, List.of());
                messages += waiting.size();
                for (Document message : waiting) {
                    Date at = message.getDate("occurredAt");
                    if (at != null && (oldest == null || at.toInstant().isBefore(oldest))) {
                        oldest = at.toInstant();
                    }
                }
            }
        }
        return new OutboxBacklog.Snapshot(messages, oldest);
    }
}
