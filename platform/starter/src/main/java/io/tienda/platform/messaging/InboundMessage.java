package io.tienda.platform.messaging;

import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A received message with its envelope read from the headers. A record without a usable envelope,
 * or whose body does not parse as its type, is poison: it can never succeed, so it goes straight
 * to the dead-letter topic instead of being retried.
 */
public record InboundMessage(
        String topic,
        int partition,
        long offset,
        UUID eventId,
        String type,
        String aggregateId,
        Instant occurredAt,
        int schemaVersion,
        String payload) {

    /**
     * The message {@code payload} (a contract record) would arrive as, for calling a handler directly,
     * e.g. to deliver the same event twice in a test without going through the broker.
     */
    public static InboundMessage of(String topic, Object payload, UUID eventId, String aggregateId) {
        return new InboundMessage(topic, 0, 0, eventId, Envelope.typeOf(payload.getClass()), aggregateId,
                Instant.now(), Envelope.versionOf(payload.getClass()), EventJson.write(payload));
    }

    public static InboundMessage from(ConsumerRecord<String, String> record) {
        try {
            return new InboundMessage(record.topic(), record.partition(), record.offset(),
                    UUID.fromString(required(record, Envelope.EVENT_ID)),
                    required(record, Envelope.TYPE),
                    required(record, Envelope.AGGREGATE_ID),
                    Instant.parse(required(record, Envelope.OCCURRED_AT)),
                    Integer.parseInt(required(record, Envelope.SCHEMA_VERSION)),
                    record.value());
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new PoisonMessageException("malformed envelope at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + ": " + e.getMessage(), e);
        }
    }

    /** The body as the given contract; a body that does not parse is poison. */
    public <T> T payloadAs(Class<T> contract) {
        if (payload == null) {
            throw new PoisonMessageException("empty body for " + type + " " + eventId, null);
        }
        try {
            return EventJson.read(payload, contract);
        } catch (RuntimeException e) {
            throw new PoisonMessageException("body of " + type + " " + eventId + " is not a " + contract.getSimpleName(), e);
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new IllegalArgumentException("missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
