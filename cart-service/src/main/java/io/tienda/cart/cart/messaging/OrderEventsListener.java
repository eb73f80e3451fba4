package io.tienda.cart.cart.messaging;

import io.tienda.cart.cart.CartCleanup;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.messaging.InboundMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A confirmed order empties what it bought from the shopper's cart, and an order whose checkout then failed
 * gives it back; other order facts do not concern carts.
 */
@Component
class OrderEventsListener {

    private final CartCleanup cleanup;

    OrderEventsListener(CartCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @KafkaListener(topics = Topics.ORDER_EVENTS, groupId = "cart-service")
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        if ("order.confirmed".equals(message.type())) {
            cleanup.orderConfirmed(message.eventId(), message.payloadAs(OrderConfirmed.class));
        } else if ("order.cancelled".equals(message.type())) {
            cleanup.orderCancelled(message.eventId(), message.payloadAs(OrderCancelled.class));
        }
    }
}
