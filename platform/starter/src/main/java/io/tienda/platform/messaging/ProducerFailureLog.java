package io.tienda.platform.messaging;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.ProducerListener;

/**
 * What the Kafka template says about a send that failed: only the topic and the cause, at DEBUG.
 * It replaces Spring Kafka's default listener, which logged every failure at ERROR with its stack
 * trace and the first 100 characters of the message's key and payload: customer ids, addresses and
 * single-use tokens in the logs, and two ERRORs per message for as long as the broker was down.
 * {@link KafkaMessageSender}, the one way the services send, reports each failure itself (type, event
 * id, topic, cause, and that the message stays in the outbox), and the outbox's backlog gauges carry
 * an outage to monitoring.
 */
public class ProducerFailureLog implements ProducerListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ProducerFailureLog.class);

    @Override
    public void onError(ProducerRecord<Object, Object> record, RecordMetadata metadata, Exception exception) {
        log.debug("a send to {} failed: {}", record.topic(), exception.toString());
    }
}
