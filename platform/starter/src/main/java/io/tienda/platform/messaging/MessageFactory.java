package io.tienda.platform.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.EventJson;

import java.time.Clock;
import java.util.UUID;

/** Builds an {@link OutboundMessage} from a contract record annotated with {@code @EventType}. */
public class MessageFactory {

    private final Tracer tracer;
    private final Clock clock;

    public MessageFactory(Tracer tracer, Clock clock) {
        this.tracer = tracer;
        this.clock = clock;
    }

    public OutboundMessage create(String topic, String aggregateId, Object payload) {
        Class<?> type = payload.getClass();
        return new OutboundMessage(topic, aggregateId, UUID.randomUUID(), Envelope.typeOf(type),
                Envelope.versionOf(type), clock.instant(), currentTraceparent(), EventJson.write(payload));
    }

    /** The W3C traceparent of the current span, or null outside any trace. */
    String currentTraceparent() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        boolean sampled = Boolean.TRUE.equals(context.sampled());
        return "00-" + context.traceId() + "-" + context.spanId() + "-" + (sampled ? "01" : "00");
    }
}
