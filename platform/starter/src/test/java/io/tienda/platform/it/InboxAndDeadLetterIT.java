package io.tienda.platform.it;

import io.tienda.platform.events.Envelope;
import io.tienda.platform.inbox.InboxMaintenance;
import io.tienda.platform.inbox.InboxProperties;
import io.tienda.platform.testing.Infra;
import io.tienda.platform.testing.KafkaProbe;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** At-least-once delivery, exactly-once effect; poison goes to the DLT without blocking its partition. */
@Order(4)
@ExtendWith(OutputCaptureExtension.class)
class InboxAndDeadLetterIT extends StarterIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InboxMaintenance inboxMaintenance;

    @Test
    void consumersReadCommittedRecordsAndLetAnEmptyFetchWaitAtTheBroker(@Autowired ConsumerFactory<?, ?> consumers) {
        assertThat(consumers.getConfigurationProperties())
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("fetch.max.wait.ms", "5000")
                .containsEntry("group.protocol", "consumer");
    }

    /**
     * A service's listeners share its group, each on its own topics. One that joins (a listener
     * starting, a replica deployed) must not take the partitions of the others, even for a moment.
     */
    @Test
    void aListenerJoiningItsGroupLeavesTheOthersTheirPartitions(@Autowired ConsumerFactory<?, ?> consumers) {
        String group = "joining-" + UUID.randomUUID();
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        Infra.kafka().createTopics(first, second);
        List<TopicPartition> revoked = new CopyOnWriteArrayList<>();
        try (Consumer<?, ?> early = consumers.createConsumer(group, null, "-early");
             Consumer<?, ?> late = consumers.createConsumer(group, null, "-late")) {
            early.subscribe(List.of(first), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    revoked.addAll(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                early.poll(Duration.ofMillis(100));
                return early.assignment().size() == 3;
            });

            late.subscribe(List.of(second));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                early.poll(Duration.ofMillis(100));
                late.poll(Duration.ofMillis(100));
                return late.assignment().size() == 3 && early.assignment().size() == 3;
            });

            assertThat(revoked).as("partitions the first listener gave up while the second joined").isEmpty();
            assertThat(early.assignment()).extracting(TopicPartition::topic).containsOnly(first);
            assertThat(late.assignment()).extracting(TopicPartition::topic).containsOnly(second);
        }
    }

    @Test
    void aMessageDeliveredThreeTimesAppliesItsEffectOnce() throws Exception {
        UUID widget = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        UUID marker = UUID.randomUUID();

        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 3; i++) {
                producer.send(record(widget.toString(), eventId, body(widget, "triplicate"))).get();
            }
            // Same key, same partition, sent last: once its effect is visible, the three were processed.
            producer.send(record(widget.toString(), marker, body(widget, "marker"))).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(marker) == 1);
        assertThat(applied(eventId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from tienda_inbox where event_id = ?", Integer.class, eventId))
                .isEqualTo(1);
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndThePartitionKeepsFlowing() throws Exception {
        String key = UUID.randomUUID().toString();
        UUID poison = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(key, poison, "{ this is not json")).get();
            producer.send(record(key, healthy, body(UUID.fromString(key), "after-poison"))).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(healthy) == 1);
        var dead = deadLetter(poison, Duration.ofSeconds(30));
        assertThat(dead).isPresent();
        assertThat(dead.get().value()).isEqualTo("{ this is not json");
        assertThat(KafkaProbe.header(dead.get(), "kafka_dlt-exception-cause-fqcn")).contains("PoisonMessageException");
        assertThat(applied(poison)).isZero();
    }

    /**
     * A store that is down fails the handler more often than the retry budget allows (a delivery and
     * three retries): the message waits for it and is applied once it is back. A handler that fails by
     * itself still goes to the DLT after the budget. (Each redelivery after the first waits out the
     * consumer's fetch, about 5 s.)
     */
    @Test
    void aMessageWaitsOutAStoreThatIsDownAndOnlyAFailingHandlerIsDeadLettered(CapturedOutput log) throws Exception {
        UUID widget = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        UUID broken = UUID.randomUUID();

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(widget.toString(), waiting, "{\"widgetId\":\"" + widget
                    + "\",\"name\":\"unreachable-store\",\"quantity\":5}")).get();
            producer.send(record(widget.toString(), broken, body(widget, "broken"))).get();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> applied(waiting) == 1);
        var dead = deadLetter(broken, Duration.ofSeconds(30));
        assertThat(dead).isPresent();
        assertThat(KafkaProbe.header(dead.get(), "kafka_dlt-exception-cause-fqcn")).contains("IllegalStateException");
        assertThat(deadLetter(waiting, Duration.ofSeconds(1))).isEmpty();
        // each failed delivery is logged with why, the outages as such
        assertThat(log.getOut()).contains("delivery 5 failed (a dependency is down; retried until it is back): "
                + "DataAccessResourceFailureException: no connection to the store, delivery 5");
        assertThat(log.getOut()).contains("delivery 2 failed: IllegalStateException: the handler fails on this "
                + "widget, delivery 2");
        assertThat(applied(broken)).isZero();
    }

    @Test
    void aMessageWithoutAnEnvelopeIsDeadLettered() throws Exception {
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(WidgetApp.TOPIC, key, "{}")).get();
        }

        assertThat(kafka().find(WidgetApp.TOPIC + ".DLT", r -> key.equals(r.key()), Duration.ofSeconds(30)))
                .isPresent();
    }

    /**
     * The hourly purge forgets rows past the retention (30 days by default) and nothing younger: a
     * message redelivered within the retention is still skipped.
     */
    @Test
    void theInboxForgetsAppliedMessagesAfterItsRetentionAndStillSkipsYoungerRedeliveries() throws Exception {
        UUID widget = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(widget.toString(), old, body(widget, "old"))).get();
            producer.send(record(widget.toString(), recent, body(widget, "recent"))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(recent) == 1);
        backdate(old, Duration.ofDays(31));
        backdate(recent, Duration.ofDays(29));

        inboxMaintenance.purgeExpired();

        assertThat(inboxRows(old)).isZero();
        assertThat(inboxRows(recent)).isEqualTo(1);
        UUID marker = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(widget.toString(), recent, body(widget, "recent again"))).get();
            producer.send(record(widget.toString(), marker, body(widget, "marker"))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(marker) == 1);
        assertThat(applied(recent)).isEqualTo(1);
    }

    /** A large backlog goes in batches, each its own statement, until none is left. */
    @Test
    void thePurgeDeletesInBatchesUntilNothingOlderIsLeft() {
        String consumer = "retention-" + UUID.randomUUID();
        for (int days : new int[] {90, 60, 45, 40, 31, 29, 1}) {
            jdbc.update("""
                    insert into tienda_inbox (consumer, event_id, event_type, topic, received_at)
                    values (?, ?, 'widget.created', ?, now() - make_interval(days => ?))
                    """, consumer, UUID.randomUUID(), WidgetApp.TOPIC, days);
        }
        InboxMaintenance twoAtATime = new InboxMaintenance(jdbc, new InboxProperties(Duration.ofDays(30), 2),
                Clock.systemUTC());

        assertThat(twoAtATime.purgeOlderThan(Clock.systemUTC().instant().minus(Duration.ofDays(30)))).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from tienda_inbox where consumer = ?", Integer.class, consumer))
                .isEqualTo(2);
    }

    private void backdate(UUID eventId, Duration age) {
        assertThat(jdbc.update("update tienda_inbox set received_at = now() - make_interval(days => ?) where event_id = ?",
                (int) age.toDays(), eventId)).isEqualTo(1);
    }

    /** The message with this event id on the dead-letter topic, if it shows up {@code within}. */
    private Optional<ConsumerRecord<String, String>> deadLetter(UUID eventId, Duration within) {
        return kafka().find(WidgetApp.TOPIC + ".DLT",
                r -> eventId.toString().equals(KafkaProbe.header(r, Envelope.EVENT_ID)), within);
    }

    private int inboxRows(UUID eventId) {
        return jdbc.queryForObject("select count(*) from tienda_inbox where event_id = ?", Integer.class, eventId);
    }

    private int applied(UUID eventId) {
        return jdbc.queryForList("select applied from widget_effects where event_id = ?", Integer.class, eventId)
                .stream().findFirst().orElse(0);
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static ProducerRecord<String, String> record(String key, UUID eventId, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(WidgetApp.TOPIC, key, body);
        record.headers().add(Envelope.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Envelope.TYPE, "widget.created".getBytes(StandardCharsets.UTF_8));
        record.headers().add(Envelope.AGGREGATE_ID, key.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Envelope.OCCURRED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Envelope.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String body(UUID widget, String name) {
        return "{\"widgetId\":\"" + widget + "\",\"name\":\"" + name + "\",\"quantity\":1}";
    }
}
