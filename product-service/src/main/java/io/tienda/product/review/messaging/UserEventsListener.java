package io.tienda.product.review.messaging;

import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import io.tienda.product.review.PurchaseHistory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Anonymises reviews on {@code user.erased}. Anonymising is idempotent in itself (it removes a name
 * and sets a flag), so a redelivery changes nothing and needs no inbox.
 */
@Component
class UserEventsListener {

    private static final String ERASED = Envelope.typeOf(UserErased.class);

    private final PurchaseHistory history;

    UserEventsListener(PurchaseHistory history) {
        this.history = history;
    }

    @KafkaListener(topics = Topics.USER_EVENTS, groupId = OrderEventsListener.GROUP)
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        if (!ERASED.equals(message.type())) {
            return;
        }
        UserErased erased = message.payloadAs(UserErased.class);
        if (erased.userId() == null) {
            throw new PoisonMessageException("user.erased " + message.eventId() + " names no user", null);
        }
        history.userErased(erased.userId().toString());
    }
}
