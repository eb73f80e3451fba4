package io.tienda.platform.outbox;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

/** The backlog of the MongoDB outbox: the messages still in the {@code _outbox} array of any document. */
record MongoOutboxReader(MongoOutbox outbox) implements Supplier<OutboxBacklog.Snapshot> {

    @Override
    public OutboxBacklog.Snapshot get() {
        long[] messages = {0};
        Instant[] oldest = {null};
        outbox.forEachPending((collection, document) -> {
            List<Document> waiting = document.getList(MongoOutbox.FIELD, Document.class, List.of());
            messages[0] += waiting.size();
            for (Document message : waiting) {
                Date at = message.getDate("occurredAt");
                if (at != null && (oldest[0] == null || at.toInstant().isBefore(oldest[0]))) {
                    oldest[0] = at.toInstant();
                }
            }
        }, MongoOutbox.FIELD);
        return new OutboxBacklog.Snapshot(messages[0], oldest[0]);
    }
}
