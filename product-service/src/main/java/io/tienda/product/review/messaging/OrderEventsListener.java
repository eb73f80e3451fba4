package io.tienda.product.review.messaging;

import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.product.review.PurchaseHistory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns purchases from {@code order.confirmed} and takes them back on {@code order.cancelled}. One consumer
 * group for all replicas: each order is credited once, by whichever replica reads it. Other order events are
 * skipped unread.
 */
@Component
class OrderEventsListener {

    static final String GROUP = "product-service";
    private static final String CONFIRMED = Envelope.typeOf(OrderConfirmed.class);
    private static final String CANCELLED = Envelope.typeOf(OrderCancelled.class);

    private final PurchaseHistory history;

    OrderEventsListener(PurchaseHistory history) {
        this.history = history;
    }

    @KafkaListener(topics = Topics.ORDER_EVENTS, groupId = GROUP)
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        if (CONFIRMED.equals(message.type())) {
            history.orderConfirmed(message.eventId(), message.payloadAs(OrderConfirmed.class));
        } else if (CANCELLED.equals(message.type())) {
            history.orderCancelled(message.payloadAs(OrderCancelled.class));
        }
    }
}
