package io.tienda.payment.support;

import io.tienda.platform.events.ContractValidator;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.messaging.InboundMessage;
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
 * Kafka as the checkout saga and the catalog see it: commands and facts sent with the platform's
 * envelope, replies and events read back from the beginning of their topics, each checked against
 * its contract.
 */
public final class Messages implements AutoCloseable {

    private static final ContractValidator CONTRACTS = new ContractValidator();

    private final KafkaProbe probe;
    private final KafkaProducer<String, String> producer;

    public Messages(String bootstrapServers) {
        this.probe = new KafkaProbe(bootstrapServers);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** A message as it arrived: key, envelope headers and body. */
    public record Published(String key, String type, String eventId, String body) {

        public JsonNode json() {
            return TestApi.JSON.readTree(body);
        }
    }

    /** Sends {@code payload} (a contract record) to {@code topic} with a fresh event id; answers it. */
    public UUID send(String topic, String key, Object payload) {
        UUID eventId = UUID.randomUUID();
        send(topic, key, eventId, Envelope.typeOf(payload.getClass()), EventJson.write(payload));
        return eventId;
    }

    public void send(String topic, String key, UUID eventId, String type, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
        header(record, Envelope.EVENT_ID, eventId.toString());
        header(record, Envelope.TYPE, type);
        header(record, Envelope.AGGREGATE_ID, key);
        header(record, Envelope.OCCURRED_AT, Instant.now().toString());
        header(record, Envelope.SCHEMA_VERSION, "1");
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send " + type, e.getCause());
        }
    }

    /** The message a test would hand to a listener, without going through Kafka. */
    public static InboundMessage inbound(String topic, Object payload, UUID eventId, String key) {
        return new InboundMessage(topic, 0, 0, eventId, Envelope.typeOf(payload.getClass()), key, Instant.now(),
                Envelope.versionOf(payload.getClass()), EventJson.write(payload));
    }

    /**
     * Waits until {@code count} messages of {@code type} keyed {@code key} are on {@code topic} (30 s at
     * most), then answers every one seen, each checked against its contract.
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
        found.forEach(p -> CONTRACTS.requireValid(p.type(), p.body()));
        return found;
    }

    /** Every message on {@code topic} keyed {@code key} seen within a short window, of any type. */
    public List<Published> all(String topic, String key) {
        return all(topic, p -> key.equals(p.key()), Integer.MAX_VALUE, Duration.ofSeconds(3));
    }

    private List<Published> all(String topic, Predicate<Published> match, int enough, Duration window) {
        int[] seen = {0};
        return probe.read(topic, record -> match.test(published(record)) && ++seen[0] >= enough, window).stream()
                .map(Messages::published).filter(match).toList();
    }

    private static Published published(ConsumerRecord<String, String> record) {
        return new Published(record.key(), KafkaProbe.header(record, Envelope.TYPE),
                KafkaProbe.header(record, Envelope.EVENT_ID), record.value());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
