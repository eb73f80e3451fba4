package io.tienda.payment.payments.messaging;

import io.tienda.payment.payments.OutsideRefunds;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderRefundSettled;
import io.tienda.platform.inbox.JdbcInbox;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code order.refund_settled} from {@code order.events}: a refund staff paid outside the provider joins
 * the payment's ledger ({@link OutsideRefunds}), once per event (the inbox) and once per order. One that
 * can never be recorded (no captured payment, another currency, unreadable) goes to
 * {@code order.events.DLT}; anything else (PostgreSQL down) is retried with the platform's backoff. Other
 * order facts do not concern payments.
 */
@Component
class OrderEventsListener {

    static final String CONSUMER = "payment-order-events";
    private static final String REFUND_SETTLED = Envelope.typeOf(OrderRefundSettled.class);

    private final JdbcInbox inbox;
    private final OutsideRefunds outside;

    OrderEventsListener(JdbcInbox inbox, OutsideRefunds outside) {
        this.inbox = inbox;
        this.outside = outside;
    }

    @KafkaListener(topics = Topics.ORDER_EVENTS, groupId = "payment-service")
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        if (!REFUND_SETTLED.equals(message.type())) {
            return;
        }
        OrderRefundSettled settled = message.payloadAs(OrderRefundSettled.class);
        if (settled.orderId() == null || settled.amount() == null) {
            throw new PoisonMessageException(message.type() + " " + message.eventId() + " names no order or amount",
                    null);
        }
        try {
            inbox.once(CONSUMER, message, () -> outside.record(settled));
        } catch (OutsideRefunds.Unrecordable unrecordable) {
            throw new PoisonMessageException(message.type() + " " + message.eventId() + ": "
                    + unrecordable.getMessage(), unrecordable);
        }
    }
}
