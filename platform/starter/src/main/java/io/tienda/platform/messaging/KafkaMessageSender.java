package io.tienda.platform.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.tienda.platform.events.Envelope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one message and waits for the broker's acknowledgement (acks=all), so the outbox marks a
 * publication complete only once Kafka holds it. Any failure is thrown: the publication stays
 * incomplete and is resubmitted later.
 */
public class KafkaMessageSender {

    private static final Logger log = LoggerFactory.getLogger(KafkaMessageSender.class);

    private final KafkaTemplate<String, String> template;
    private final Tracer tracer;
    private final Propagator propagator;
    private final Duration timeout;

    public KafkaMessageSender(KafkaTemplate<String, String> template, Tracer tracer, Propagator propagator,
            Duration timeout) {
        this.template = template;
        this.tracer = tracer;
        this.propagator = propagator;
        this.timeout = timeout;
    }

    public void send(OutboundMessage message) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(message.topic(), message.key(), message.payload());
        Headers headers = record.headers();
        header(headers, Envelope.EVENT_ID, message.eventId().toString());
        header(headers, Envelope.TYPE, message.type());
        header(headers, Envelope.OCCURRED_AT, message.occurredAt().toString());
        header(headers, Envelope.AGGREGATE_ID, message.key());
        header(headers, Envelope.SCHEMA_VERSION, Integer.toString(message.schemaVersion()));
        if (tracer == null && message.traceparent() != null) {
            header(headers, Envelope.TRACEPARENT, message.traceparent());
        }
        inOriginalTrace(message, () -> await(message, record));
    }

    /**
     * A message resubmitted by a background job has no current span; continue the trace that was
     * captured when it was published, so the consumer's work still joins the request that caused it.
     */
    private void inOriginalTrace(OutboundMessage message, Runnable send) {
        if (tracer == null || propagator == null || tracer.currentSpan() != null || message.traceparent() == null) {
            send.run();
            return;
        }
        Span span = propagator.extract(Map.of(Envelope.TRACEPARENT, message.traceparent()),
                        (carrier, key) -> carrier.get(key))
                .name("outbox resubmit " + message.type())
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            send.run();
        } finally {
            span.end();
        }
    }

    private void await(OutboundMessage message, ProducerRecord<String, String> record) {
        try {
            template.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageNotSentException(message, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("could not send {} {} to {}; it stays in the outbox: {}",
                    message.type(), message.eventId(), message.topic(), e.toString());
            throw new MessageNotSentException(message, e);
        }
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public static final class MessageNotSentException extends RuntimeException {

        MessageNotSentException(OutboundMessage message, Throwable cause) {
            super("not sent: " + message.type() + " " + message.eventId() + " to " + message.topic(), cause);
        }
    }
}
