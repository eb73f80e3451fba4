package io.tienda.platform.outbox;

import io.tienda.platform.messaging.KafkaMessageSender;
import io.tienda.platform.messaging.MessageFactory;
import io.tienda.platform.messaging.OutboundMessage;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The outbox for MongoDB services, which have no multi-document transactions (a standalone mongod
 * and the local wire server both lack them). The pending message is written INSIDE the changed
 * document, in the same single-document write as the change, under {@value #FIELD}. Then it is
 * sent and pulled out of the document. A crash between the write and the send leaves the message
 * in the document, where {@link #sweep()} finds and sends it.
 *
 * <pre>{@code
 * OutboundMessage m = outbox.message(Topics.PRODUCT_EVENTS, id, new ProductUpdated(...));
 * mongo.updateFirst(query(where("_id").is(id)), outbox.withMessages(update, m), "products");
 * outbox.flush("products", id);
 * }</pre>
 */
public class MongoOutbox {

    public static final String FIELD = "_outbox";
    private static final Logger log = LoggerFactory.getLogger(MongoOutbox.class);

    private final MongoTemplate mongo;
    private final MessageFactory messages;
    private final KafkaMessageSender sender;

    public MongoOutbox(MongoTemplate mongo, MessageFactory messages, KafkaMessageSender sender) {
        this.mongo = mongo;
        this.messages = messages;
        this.sender = sender;
    }

    public OutboundMessage message(String topic, String aggregateId, Object payload) {
        return messages.create(topic, aggregateId, payload);
    }

    /** Adds the messages to an update of the document that changes. */
    public Update withMessages(Update update, OutboundMessage... pending) {
        List<Document> documents = java.util.Arrays.stream(pending).map(MongoOutbox::toDocument).toList();
        update.push(FIELD).each(documents.toArray());
        return update;
    }

    /** Adds the messages to a document about to be inserted or replaced. */
    public Document withMessages(Document document, OutboundMessage... pending) {
        List<Document> existing = document.getList(FIELD, Document.class, new java.util.ArrayList<>());
        List<Document> all = new java.util.ArrayList<>(existing);
        for (OutboundMessage message : pending) {
            all.add(toDocument(message));
        }
        document.put(FIELD, all);
        return document;
    }

    /**
     * Sends the pending messages of one document, oldest first, pulling each out once Kafka has
     * it. Stops at the first failure so that order is kept; the sweep continues later.
     *
     * @return how many messages were sent
     */
    public int flush(String collection, Object id) {
        Document document = mongo.findById(id, Document.class, collection);
        if (document == null) {
            return 0;
        }
        int sent = 0;
        for (Document pending : document.getList(FIELD, Document.class, List.of())) {
            OutboundMessage message = fromDocument(pending);
            try {
                sender.send(message);
            } catch (RuntimeException e) {
                return sent;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    new Update().pull(FIELD, new Document("eventId", message.eventId().toString())), collection);
            sent++;
        }
        return sent;
    }

    /** Finds every document with pending messages, in every collection, and flushes it. */
    @Scheduled(fixedDelayString = "${tienda.outbox.resubmit-interval:15s}",
            initialDelayString = "${tienda.outbox.sweep-initial-delay:2s}")
    public int sweep() {
        int[] sent = {0};
        forEachPending((collection, document) -> sent[0] += flush(collection, document.get("_id")), "_id");
        if (sent[0] > 0) {
            log.info("outbox sweep sent {} pending message(s)", sent[0]);
        }
        return sent[0];
    }

    /** Every document that has pending messages, in every collection, read with {@code fields} only. */
    void forEachPending(BiConsumer<String, Document> action, String... fields) {
        for (String collection : mongo.getCollectionNames()) {
            if (collection.startsWith("system.")) {
                continue;
            }
            Query pending = Query.query(Criteria.where(FIELD + ".0").exists(true));
            pending.fields().include(fields);
            for (Document document : mongo.find(pending, Document.class, collection)) {
                action.accept(collection, document);
            }
        }
    }

    static Document toDocument(OutboundMessage message) {
        return new Document("eventId", message.eventId().toString())
                .append("topic", message.topic())
                .append("key", message.key())
                .append("type", message.type())
                .append("schemaVersion", message.schemaVersion())
                .append("occurredAt", Date.from(message.occurredAt()))
                .append("traceparent", message.traceparent())
                .append("payload", message.payload());
    }

    static OutboundMessage fromDocument(Document document) {
        return new OutboundMessage(document.getString("topic"), document.getString("key"),
                UUID.fromString(document.getString("eventId")), document.getString("type"),
                document.getInteger("schemaVersion", 1), document.getDate("occurredAt").toInstant(),
                document.getString("traceparent"), document.getString("payload"));
    }
}
