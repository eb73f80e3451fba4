package io.tienda.platform.outbox;

import io.tienda.platform.messaging.KafkaMessageSender;
import io.tienda.platform.messaging.OutboundMessage;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The registry's listener that externalizes outbox messages to Kafka after commit. Spring Modulith
 * records a publication for it in the committing transaction and marks it complete only when this
 * method returns; when the send throws, the publication stays incomplete for resubmission.
 */
public class OutboxRelay {

    private final KafkaMessageSender sender;

    public OutboxRelay(KafkaMessageSender sender) {
        this.sender = sender;
    }

    @TransactionalEventListener
    public void relay(OutboundMessage message) {
        sender.send(message);
    }
}
