package io.tienda.platform.events;

import java.util.List;

/**
 * The Kafka headers every Tienda message carries beside its JSON body (DESIGN.md section 5).
 * Metadata lives in headers so a consumer can route, deduplicate and trace a message without
 * parsing a body it may not understand.
 */
public final class Envelope {

    public static final String EVENT_ID = "eventId";
    public static final String TYPE = "type";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String AGGREGATE_ID = "aggregateId";
    public static final String SCHEMA_VERSION = "schemaVersion";
    public static final String TRACEPARENT = "traceparent";

    public static final List<String> REQUIRED_HEADERS =
            List.of(EVENT_ID, TYPE, OCCURRED_AT, AGGREGATE_ID, SCHEMA_VERSION);

    private Envelope() {
    }

    public static String typeOf(Class<?> payloadType) {
        return annotation(payloadType).value();
    }

    public static int versionOf(Class<?> payloadType) {
        return annotation(payloadType).version();
    }

    private static EventType annotation(Class<?> payloadType) {
        EventType type = payloadType.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not annotated with @EventType");
        }
        return type;
    }
}
