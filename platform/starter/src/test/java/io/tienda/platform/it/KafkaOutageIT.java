package io.tienda.platform.it;

import io.micrometer.core.instrument.MeterRegistry;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.outbox.MongoOutbox;
import io.tienda.platform.outbox.OutboxMaintenance;
import io.tienda.platform.testing.Infra;
import io.tienda.platform.testing.KafkaProbe;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka goes away: the change still commits, its publication stays incomplete, and once Kafka is
 * back the resubmission delivers it. Runs last because it stops the JVM's shared broker.
 */
@Order(100)
@ExtendWith(OutputCaptureExtension.class)
class KafkaOutageIT extends StarterIT {


    @Autowired
    OutboxMaintenance maintenance;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MongoOutbox mongoOutbox;

    @Test
    void aPublicationThatFailedWhileKafkaWasDownIsDeliveredWhenItIsBack(CapturedOutput output) {
        Infra.kafka().stop();
        String id;
        try {
            Reply created = post("/api/v1/widgets", "{\"name\":\"during-outage\",\"quantity\":7}");
            assertThat(created.status()).isEqualTo(201);
            id = created.json().get("id").asString();
            String widget = id;
            await().atMost(Duration.ofSeconds(30)).until(() -> outbox().incomplete(widget) == 1);
            // the relay's attempt has run into the outage (the sender waits 5 s for the broker)
            await().atMost(Duration.ofSeconds(30)).until(() -> outbox().failed(widget) == 1);

            // the backlog is visible to monitoring: the JDBC outbox's and the MongoDB outbox's
            String gadget = UUID.randomUUID().toString();
            mongo.insert(mongoOutbox.withMessages(new Document("_id", gadget).append("name", "during-outage"),
                    mongoOutbox.message(WidgetApp.TOPIC, gadget,
                            new WidgetApp.WidgetCreated(UUID.fromString(gadget), "during-outage", 1))), "gadgets");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(gauge("tienda.outbox.backlog", "jdbc")).isGreaterThanOrEqualTo(1);
                assertThat(gauge("tienda.outbox.oldest.age", "jdbc")).isGreaterThan(0);
                assertThat(gauge("tienda.outbox.backlog", "mongo")).isGreaterThanOrEqualTo(1);
                assertThat(gauge("tienda.outbox.oldest.age", "mongo")).isGreaterThan(0);
            });
        } finally {
            Infra.kafka().start();
        }

        String widget = id;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            maintenance.resubmitIncomplete();
            return outbox().incomplete(widget) == 0;
        });
        var record = kafka().find(WidgetApp.TOPIC, r -> widget.equals(r.key()), Duration.ofSeconds(30));
        assertThat(record).isPresent();
        assertThat(KafkaProbe.header(record.get(), Envelope.TYPE)).isEqualTo("widget.created");

        // The log says which message waits, once per attempt, as a warning; nothing of what it carries
        // (Spring Kafka's listener logged the key and payload at ERROR, the async handler a second ERROR).
        assertThat(output.getOut()).contains("could not send widget.created")
                .contains("it stays in the outbox")
                .doesNotContain("Exception thrown when sending a message")
                .doesNotContain("Unexpected exception occurred invoking async method")
                .doesNotContain("during-outage");
    }

    private double gauge(String name, String store) {
        return meters.get(name).tag("store", store).gauge().value();
    }
}
