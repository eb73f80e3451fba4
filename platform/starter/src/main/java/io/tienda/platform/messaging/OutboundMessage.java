package io.tienda.platform.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A message on its way to Kafka, complete in itself: stored in the outbox with the state change
 * that caused it, and sent as it was stored, however much later. The payload is already JSON so
 * that what was stored is exactly what goes on the wire, and the trace context is captured at
 * publish time so a resubmitted message still continues the trace that caused it.
 */
public record OutboundMessage(
        String topic,
        String key,
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String traceparent,
        String payload) {
}
