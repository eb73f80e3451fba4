package io.tienda.cart.cart.messaging;

import io.tienda.cart.cart.CartCleanup;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.messaging.InboundMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** An erased user's cart is deleted (GDPR art. 17). */
@Component
class UserEventsListener {

    private final CartCleanup cleanup;

    UserEventsListener(CartCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @KafkaListener(topics = Topics.USER_EVENTS, groupId = "cart-service")
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        if ("user.erased".equals(message.type())) {
            cleanup.userErased(message.payloadAs(UserErased.class).userId());
        }
    }
}
