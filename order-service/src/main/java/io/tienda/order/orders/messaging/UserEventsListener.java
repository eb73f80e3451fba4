package io.tienda.order.orders.messaging;

import io.tienda.order.orders.Erasures;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.inbox.JdbcInbox;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * user-service's facts on {@code user.events}: of them order-service needs only {@code user.erased}, applied
 * once through the inbox (consumer {@value #CONSUMER}) in the transaction of the erasure. Other types are
 * skipped without an inbox row.
 */
@Component
class UserEventsListener {

    static final String CONSUMER = "order-erasure";

    private static final String ERASED = Envelope.typeOf(UserErased.class);

    private final JdbcInbox inbox;
    private final Erasures erasures;

    UserEventsListener(JdbcInbox inbox, Erasures erasures) {
        this.inbox = inbox;
        this.erasures = erasures;
    }

    @KafkaListener(topics = Topics.USER_EVENTS, groupId = "order-service")
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        if (!ERASED.equals(message.type())) {
            return;
        }
        UserErased erased = message.payloadAs(UserErased.class);
        if (erased.userId() == null) {
            throw new PoisonMessageException("user.erased " + message.eventId() + " names no user", null);
        }
        inbox.once(CONSUMER, message, () -> erasures.customerErased(erased.userId().toString(), erased.erasedAt()));
    }
}
