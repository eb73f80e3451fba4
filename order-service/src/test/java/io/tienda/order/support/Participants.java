package io.tienda.order.support;

import io.tienda.platform.events.ContractValidator;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.events.Topics;
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
 * Inventory, payment and product-service as the saga sees them: commands read from
 * {@code inventory.commands}, {@code payment.commands} and {@code product.commands} (coupons), replies
 * sent to {@code order.saga.replies} with the platform's envelope, and the facts on {@code order.events};
 * every message read carries the envelope's headers and is checked against its contract.
 */
public final class Participants implements AutoCloseable {

    private static final ContractValidator CONTRACTS = new ContractValidator();

    private final KafkaProbe probe;
    private final KafkaProducer<String, String> producer;

    Participants(String bootstrapServers) {
        this.probe = new KafkaProbe(bootstrapServers);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** A message as it arrived: key, envelope (type, id, aggregate id, schema version), body. */
    public record Published(String key, String type, String eventId, String aggregateId, String schemaVersion,
            String body) {

        public JsonNode json() {
            return TestApi.JSON.readTree(body);
        }
    }

    /** Replies as inventory or payment would, with a fresh event id; answers the id. */
    public UUID reply(UUID orderId, Object reply) {
        UUID eventId = UUID.randomUUID();
        reply(orderId, eventId, Envelope.typeOf(reply.getClass()), EventJson.write(reply));
        return eventId;
    }

    /** Sends a reply of any type with a chosen event id (a redelivery repeats it). */
    public void reply(UUID orderId, UUID eventId, String type, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SAGA_REPLIES, orderId.toString(), body);
        header(record, Envelope.EVENT_ID, eventId.toString());
        header(record, Envelope.TYPE, type);
        header(record, Envelope.AGGREGATE_ID, orderId.toString());
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

    /** Waits for {@code count} commands of {@code type} for the order on inventory.commands. */
    public List<Published> inventory(String type, UUID orderId, int count) {
        return await(Topics.INVENTORY_COMMANDS, type, orderId.toString(), count);
    }

    public List<Published> payment(String type, UUID orderId, int count) {
        return await(Topics.PAYMENT_COMMANDS, type, orderId.toString(), count);
    }

    /** Coupon commands for the order on product.commands (product-service answers none). */
    public List<Published> product(String type, UUID orderId, int count) {
        return await(Topics.PRODUCT_COMMANDS, type, orderId.toString(), count);
    }

    public List<Published> facts(String type, UUID orderId, int count) {
        return await(Topics.ORDER_EVENTS, type, orderId.toString(), count);
    }

    /** Every message for the order on {@code topic} seen within a short window, of any type. */
    public List<Published> all(String topic, UUID orderId) {
        String key = orderId.toString();
        return read(topic, p -> key.equals(p.key()), Integer.MAX_VALUE, Duration.ofSeconds(3));
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
            found = read(topic, match, count, Duration.ofSeconds(5));
            if (found.size() >= count) {
                break;
            }
        }
        assertThat(found).as("%d %s messages for %s on %s", count, type, key, topic).hasSizeGreaterThanOrEqualTo(count);
        found.forEach(p -> {
            assertThat(p.eventId()).as("eventId of %s", p.type()).isNotBlank();
            assertThat(p.aggregateId()).as("aggregateId of %s", p.type()).isEqualTo(p.key());
            assertThat(p.schemaVersion()).as("schemaVersion of %s", p.type()).isEqualTo("1");
            CONTRACTS.requireValid(p.type(), p.body());
        });
        return found;
    }

    private List<Published> read(String topic, Predicate<Published> match, int enough, Duration window) {
        int[] seen = {0};
        return probe.read(topic, record -> match.test(published(record)) && ++seen[0] >= enough, window).stream()
                .map(Participants::published).filter(match).toList();
    }

    private static Published published(ConsumerRecord<String, String> record) {
        return new Published(record.key(), KafkaProbe.header(record, Envelope.TYPE),
                KafkaProbe.header(record, Envelope.EVENT_ID), KafkaProbe.header(record, Envelope.AGGREGATE_ID),
                KafkaProbe.header(record, Envelope.SCHEMA_VERSION), record.value());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
