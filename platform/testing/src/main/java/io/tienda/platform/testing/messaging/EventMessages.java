package io.tienda.platform.testing.messaging;

import io.tienda.platform.events.ContractValidator;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.testing.KafkaProbe;
import io.tienda.platform.testing.http.TestApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka as a service's tests see it: commands and facts sent with the platform's envelope, as their
 * producers would, and replies and events read back from the beginning of their topics, each
 * checked for its envelope (event id, aggregate id = key, time, schema version) and against its
 * contract. Close it after the test.
 */
public final class EventMessages implements AutoCloseable {

    private static final ContractValidator CONTRACTS = new ContractValidator();

    private final KafkaProbe probe;
    private final KafkaProducer<String, String> producer;

    public EventMessages(String bootstrapServers) {
        this.probe = new KafkaProbe(bootstrapServers);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** A message as it arrived: key, envelope headers and body. */
    public record Published(String key, String type, String eventId, String aggregateId, String occurredAt,
            String schemaVersion, String body) {

        public JsonNode json() {
            return TestApi.JSON.readTree(body);
        }
    }

    /** Sends {@code payload} (a contract record) with a fresh event id; answers the id. */
    public UUID send(String topic, String key, Object payload) {
        UUID eventId = UUID.randomUUID();
        send(topic, key, eventId, payload);
        return eventId;
    }

    /** Sends {@code payload} (a contract record) with the given event id, as its producer would. */
    public void send(String topic, String key, UUID eventId, Object payload) {
        send(topic, key, eventId, Envelope.typeOf(payload.getClass()), Envelope.versionOf(payload.getClass()),
                EventJson.write(payload));
    }

    /** Sends a body as it is, e.g. one that breaks its contract, under the envelope of {@code type}. */
    public void send(String topic, String key, UUID eventId, String type, String body) {
        send(topic, key, eventId, type, 1, body);
    }

    private void send(String topic, String key, UUID eventId, String type, int schemaVersion, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
        header(record, Envelope.EVENT_ID, eventId.toString());
        header(record, Envelope.TYPE, type);
        header(record, Envelope.AGGREGATE_ID, key);
        header(record, Envelope.OCCURRED_AT, Instant.now().toString());
        header(record, Envelope.SCHEMA_VERSION, Integer.toString(schemaVersion));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send to " + topic, e.getCause());
        }
    }

    /**
     * Waits until {@code count} messages of {@code type} keyed {@code key} are on {@code topic} (30 s at
     * most), then answers every one seen, each checked for its envelope and against its contract.
     */
    public List<Published> await(String topic, String type, String key, int count) {
        Predicate<Published> match = p -> type.equals(p.type()) && key.equals(p.key());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Published> found = List.of();
        while (System.nanoTime() < deadline) {
            found = all(topic, match, count, Duration.ofSeconds(5));
            if (found.size() >= count) {
                break;
            }
        }
        assertThat(found).as("%d %s messages for %s on %s", count, type, key, topic).hasSizeGreaterThanOrEqualTo(count);
        for (Published published : found) {
            assertThat(published.eventId()).isNotBlank();
            assertThat(UUID.fromString(published.eventId())).isNotNull();
            assertThat(published.aggregateId()).isEqualTo(key);
            assertThat(Instant.parse(published.occurredAt())).isNotNull();
            assertThat(published.schemaVersion()).isEqualTo("1");
            CONTRACTS.requireValid(published.type(), published.body());
        }
        return found;
    }

    /** Every message on {@code topic} keyed {@code key} seen within a short window, of any type. */
    public List<Published> all(String topic, String key) {
        return all(topic, p -> key.equals(p.key()), Integer.MAX_VALUE, Duration.ofSeconds(3));
    }

    private List<Published> all(String topic, Predicate<Published> match, int enough, Duration window) {
        int[] seen = {0};
        return probe.read(topic, record -> match.test(published(record)) && ++seen[0] >= enough, window).stream()
                .map(EventMessages::published).filter(match).toList();
    }

    private static Published published(ConsumerRecord<String, String> record) {
        return new Published(record.key(), KafkaProbe.header(record, Envelope.TYPE),
                KafkaProbe.header(record, Envelope.EVENT_ID), KafkaProbe.header(record, Envelope.AGGREGATE_ID),
                KafkaProbe.header(record, Envelope.OCCURRED_AT), KafkaProbe.header(record, Envelope.SCHEMA_VERSION),
                record.value());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
