package io.tienda.platform.it;

import io.tienda.platform.testing.KafkaProbe;
import io.tienda.platform.events.Envelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import io.tienda.platform.outbox.Outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox: an event reaches Kafka if and only if its transaction commits. */
@Order(3)
class OutboxIT extends StarterIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Outbox outbox;

    @Test
    void aCommittedChangeIsPublishedWithItsEnvelope() {
        Reply created = post("/api/v1/widgets", "{\"name\":\"committed\",\"quantity\":3}");
        String id = created.json().get("id").asString();

        ConsumerRecord<String, String> record = kafka().find(WidgetApp.TOPIC, r -> id.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow();

        assertThat(KafkaProbe.header(record, Envelope.TYPE)).isEqualTo("widget.created");
        assertThat(KafkaProbe.header(record, Envelope.AGGREGATE_ID)).isEqualTo(id);
        assertThat(KafkaProbe.header(record, Envelope.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(UUID.fromString(KafkaProbe.header(record, Envelope.EVENT_ID))).isNotNull();
        assertThat(KafkaProbe.header(record, Envelope.OCCURRED_AT)).isNotBlank();
        assertThat(KafkaProbe.header(record, Envelope.TRACEPARENT)).startsWith("00-");
        assertThat(JSON.readTree(record.value()).get("name").asString()).isEqualTo("committed");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outbox().incomplete(id)).isZero());
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        Reply refused = post("/api/v1/widgets?failAfterPublish=true", "{\"name\":\"rolled-back\",\"quantity\":1}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from widgets where name = 'rolled-back'", Integer.class))
                .isZero();
        assertThat(outbox().recorded("rolled-back")).isZero();

        // A later committed change on the same topic arrives; the rolled-back one never does.
        String marker = post("/api/v1/widgets", "{\"name\":\"after-rollback\",\"quantity\":1}")
                .json().get("id").asString();
        List<ConsumerRecord<String, String>> seen = kafka().read(WidgetApp.TOPIC, r -> marker.equals(r.key()),
                Duration.ofSeconds(30));
        assertThat(seen).extracting(ConsumerRecord::key).contains(marker);
        // Other partitions may still be read after the marker's; give them a moment and look again.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                kafka().read(WidgetApp.TOPIC, r -> false, Duration.ofMillis(1500)).stream()
                        .noneMatch(r -> r.value().contains("rolled-back")));
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publish(WidgetApp.TOPIC, "x",
                new WidgetApp.WidgetCreated(UUID.randomUUID(), "loose", 1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
