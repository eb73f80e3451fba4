package io.tienda.notification.mailing.messaging;

import io.tienda.notification.mailing.EventMails;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderDelivered;
import io.tienda.platform.events.saga.OrderRefundSettled;
import io.tienda.platform.events.saga.OrderShipped;
import io.tienda.platform.messaging.InboundMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code order.events}: confirmed, shipped, delivered and cancelled orders, and refunds staff paid another way,
 * are mailed; the rest skipped unread.
 */
@Component
class OrderEventsListener {

    private static final String CONFIRMED = Envelope.typeOf(OrderConfirmed.class);
    private static final String SHIPPED = Envelope.typeOf(OrderShipped.class);
    private static final String DELIVERED = Envelope.typeOf(OrderDelivered.class);
    private static final String CANCELLED = Envelope.typeOf(OrderCancelled.class);
    private static final String REFUND_SETTLED = Envelope.typeOf(OrderRefundSettled.class);

    private final EventMails mails;

    OrderEventsListener(EventMails mails) {
        this.mails = mails;
    }

    @KafkaListener(topics = Topics.ORDER_EVENTS, groupId = Listeners.GROUP)
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        String type = message.type();
        if (CONFIRMED.equals(type)) {
            OrderConfirmed e = message.payloadAs(OrderConfirmed.class);
            Listeners.require(message, e.orderId(), e.customerId());
            mails.orderConfirmed(message.eventId(), e);
        } else if (SHIPPED.equals(type)) {
            OrderShipped e = message.payloadAs(OrderShipped.class);
            Listeners.require(message, e.orderId(), e.customerId());
            mails.orderShipped(message.eventId(), e);
        } else if (DELIVERED.equals(type)) {
            OrderDelivered e = message.payloadAs(OrderDelivered.class);
            Listeners.require(message, e.orderId(), e.customerId());
            mails.orderDelivered(message.eventId(), e);
        } else if (CANCELLED.equals(type)) {
            OrderCancelled e = message.payloadAs(OrderCancelled.class);
            Listeners.require(message, e.orderId(), e.customerId());
            mails.orderCancelled(message.eventId(), e);
        } else if (REFUND_SETTLED.equals(type)) {
            OrderRefundSettled e = message.payloadAs(OrderRefundSettled.class);
            Listeners.require(message, e.orderId(), e.customerId());
            mails.orderRefundSettled(message.eventId(), e);
        }
    }
}
