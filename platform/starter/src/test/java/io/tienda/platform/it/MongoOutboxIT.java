package io.tienda.platform.it;

import io.tienda.platform.testing.KafkaProbe;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.inbox.MongoIdempotency;
import io.tienda.platform.outbox.MongoOutbox;
import io.tienda.platform.outbox.MongoOutboxCrash;
import io.tienda.platform.messaging.OutboundMessage;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The MongoDB outbox keeps a change and its event in one document, and survives a crash between them. */
@Order(6)
class MongoOutboxIT extends StarterIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MongoOutbox outbox;

    @Autowired
    MongoIdempotency idempotency;

    @Test
    void theChangeAndItsEventAreOneWriteAndTheFlushEmptiesTheOutbox() {
        String id = UUID.randomUUID().toString();
        OutboundMessage message = outbox.message(WidgetApp.TOPIC, id,
                new WidgetApp.WidgetCreated(UUID.fromString(id), "gadget", 4));

        mongo.insert(outbox.withMessages(new Document("_id", id).append("name", "gadget"), message), "gadgets");
        assertThat(pending(id)).hasSize(1);
        assertThat(outbox.flush("gadgets", id)).isEqualTo(1);

        assertThat(pending(id)).isEmpty();
        assertThat(kafka().find(WidgetApp.TOPIC,
                r -> message.eventId().toString().equals(KafkaProbe.header(r, Envelope.EVENT_ID)),
                Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void anEventWrittenByAProcessThatDiedBeforeSendingIsDeliveredByTheSweep() throws Exception {
        String id = UUID.randomUUID().toString();

        // Another JVM writes the change with its pending event through MongoOutbox, then dies at once.
        Process writer = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                MongoOutboxCrash.class.getName(), environment.getRequiredProperty("spring.mongodb.uri"), id)
                .inheritIO().start();
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).isEqualTo(MongoOutboxCrash.DIED);
        List<Document> left = pending(id);
        assertThat(left).hasSize(1);
        assertThat(mongo.findById(id, Document.class, "gadgets").getString("name")).isEqualTo("crashed");

        assertThat(outbox.sweep()).isGreaterThanOrEqualTo(1);

        String eventId = left.get(0).getString("eventId");
        var delivered = kafka().find(WidgetApp.TOPIC, r -> eventId.equals(KafkaProbe.header(r, Envelope.EVENT_ID)),
                Duration.ofSeconds(30));
        assertThat(delivered).isPresent();
        assertThat(delivered.get().key()).isEqualTo(id);
        assertThat(pending(id)).isEmpty();
    }

    @Test
    void anEffectAppliedThroughMongoIdempotencyHappensOncePerEvent() {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("stock", 10), "gadgets");
        UUID eventId = UUID.randomUUID();
        Query gadget = Query.query(Criteria.where("_id").is(id));

        boolean first = idempotency.applyOnce("gadgets", gadget, new Update().inc("stock", -3), eventId);
        boolean second = idempotency.applyOnce("gadgets", gadget, new Update().inc("stock", -3), eventId);
        boolean other = idempotency.applyOnce("gadgets", gadget, new Update().inc("stock", -1), UUID.randomUUID());

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(other).isTrue();
        assertThat(mongo.findById(id, Document.class, "gadgets").getInteger("stock")).isEqualTo(6);
        assertThat(idempotency.insertOnce("receipts", new Document("n", 1), eventId)).isTrue();
        assertThat(idempotency.insertOnce("receipts", new Document("n", 1), eventId)).isFalse();
    }

    private List<Document> pending(String id) {
        Document document = mongo.findById(id, Document.class, "gadgets");
        return document == null ? List.of() : document.getList(MongoOutbox.FIELD, Document.class, List.of());
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
