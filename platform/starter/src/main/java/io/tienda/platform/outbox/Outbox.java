package io.tienda.platform.outbox;

import io.tienda.platform.messaging.MessageFactory;
import io.tienda.platform.messaging.OutboundMessage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes an event together with the state change that caused it. Call it inside the
 * transaction that makes the change: the Spring Modulith event publication registry writes the
 * message to {@code event_publication} in that same transaction, and {@link OutboxRelay} sends it
 * to Kafka only after the commit. A rollback publishes nothing; a send that fails is resubmitted.
 */
public class Outbox {

    private final ApplicationEventPublisher events;
    private final MessageFactory messages;

    public Outbox(ApplicationEventPublisher events, MessageFactory messages) {
        this.events = events;
        this.messages = messages;
    }

    /**
     * @param topic       e.g. {@code Topics.ORDER_EVENTS}
     * @param aggregateId the Kafka key: all messages of one aggregate stay in order on one partition
     * @param payload     a contract record annotated with {@code @EventType}
     */
    public OutboundMessage publish(String topic, String aggregateId, Object payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Without a transaction the message could be sent for a change that never commits.
            throw new IllegalStateException("Outbox.publish must run inside the transaction of the change");
        }
        OutboundMessage message = messages.create(topic, aggregateId, payload);
        events.publishEvent(message);
        return message;
    }
}
