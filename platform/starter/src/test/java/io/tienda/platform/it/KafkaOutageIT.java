package io.tienda.platform.it;

import io.tienda.platform.testing.KafkaProbe;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.outbox.OutboxMaintenance;
import io.tienda.platform.testing.Infra;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka goes away: the change still commits, its publication stays incomplete, and once Kafka is
 * back the resubmission delivers it. Runs last because it stops the JVM's shared broker.
 */
@Order(100)
class KafkaOutageIT extends StarterIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxMaintenance maintenance;

    @Test
    void aPublicationThatFailedWhileKafkaWasDownIsDeliveredWhenItIsBack() {
        Infra.kafka().stop();
        String id;
        try {
            Reply created = post("/api/v1/widgets", "{\"name\":\"during-outage\",\"quantity\":7}");
            assertThat(created.status()).isEqualTo(201);
            id = created.json().get("id").asString();
            String widget = id;
            await().atMost(Duration.ofSeconds(30)).until(() -> incomplete(widget) == 1);
        } finally {
            Infra.kafka().start();
        }

        String widget = id;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            maintenance.resubmitIncomplete();
            return incomplete(widget) == 0;
        });
        var record = kafka().find(WidgetApp.TOPIC, r -> widget.equals(r.key()), Duration.ofSeconds(30));
        assertThat(record).isPresent();
        assertThat(KafkaProbe.header(record.get(), Envelope.TYPE)).isEqualTo("widget.created");
    }

    private int incomplete(String widget) {
        return jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null and serialized_event like ?",
                Integer.class, "%" + widget + "%");
    }
}
