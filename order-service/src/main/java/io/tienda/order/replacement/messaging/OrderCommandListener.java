package io.tienda.order.replacement.messaging;

import io.tienda.order.replacement.Replacements;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.CreateReplacementOrder;
import io.tienda.platform.inbox.JdbcInbox;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Commands for order-service on {@code order.commands}: {@code order.create_replacement} from
 * returns-service. Each is applied once through the inbox (consumer {@value #CONSUMER}) and is
 * idempotent by the order id it names; a command that can never succeed goes to
 * {@code order.commands.DLT}.
 */
@Component
class OrderCommandListener {

    static final String CONSUMER = "order-commands";

    private final JdbcInbox inbox;
    private final Replacements replacements;

    OrderCommandListener(JdbcInbox inbox, Replacements replacements) {
        this.inbox = inbox;
        this.replacements = replacements;
    }

    @KafkaListener(topics = Topics.ORDER_COMMANDS, groupId = "order-service")
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        if (!"order.create_replacement".equals(message.type())) {
            throw new PoisonMessageException("order-service does not handle " + message.type(), null);
        }
        CreateReplacementOrder command = message.payloadAs(CreateReplacementOrder.class);
        if (command.orderId() == null || command.originalOrderId() == null || command.customerId() == null) {
            throw new PoisonMessageException(message.type() + " " + message.eventId() + " lacks an id", null);
        }
        try {
            inbox.once(CONSUMER, message, () -> replacements.create(command));
        } catch (Replacements.UnusableCommand e) {
            throw new PoisonMessageException(e.getMessage(), e);
        }
    }
}
