package io.tienda.payment.payments.messaging;

import io.tienda.payment.payments.OutsideRefunds;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.returns.ReturnRefundSettled;
import io.tienda.platform.events.saga.OrderRefundSettled;
import io.tienda.platform.inbox.JdbcInbox;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Refunds staff paid outside the provider: {@code order.refund_settled} from {@code order.events} and
 * {@code returns.refund_settled} from {@code returns.events} join the payment's ledger
 * ({@link OutsideRefunds}), once per event (the inbox) and once per cancellation or return. One that can
 * never be recorded (no captured payment, nothing paid, another currency, unreadable) goes to the topic's
 * {@code .DLT}; anything else (PostgreSQL down) is retried with the platform's backoff. Other order and
 * return facts do not concern payments.
 */
@Component
class OutsideRefundListener {

    static final String CONSUMER = "payment-outside-refunds";
    private static final String ORDER_SETTLED = Envelope.typeOf(OrderRefundSettled.class);
    private static final String RETURN_SETTLED = Envelope.typeOf(ReturnRefundSettled.class);

    private final JdbcInbox inbox;
    private final OutsideRefunds outside;

    OutsideRefundListener(JdbcInbox inbox, OutsideRefunds outside) {
        this.inbox = inbox;
        this.outside = outside;
    }

    @KafkaListener(topics = {Topics.ORDER_EVENTS, Topics.RETURNS_EVENTS}, groupId = "payment-service")
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        OutsideRefunds.Settled settled;
        if (ORDER_SETTLED.equals(message.type())) {
            OrderRefundSettled fact = message.payloadAs(OrderRefundSettled.class);
            requireComplete(message, fact.orderId() != null && fact.amount() != null);
            settled = OutsideRefunds.Settled.of(fact);
        } else if (RETURN_SETTLED.equals(message.type())) {
            ReturnRefundSettled fact = message.payloadAs(ReturnRefundSettled.class);
            requireComplete(message, fact.orderId() != null && fact.returnId() != null && fact.amount() != null);
            settled = OutsideRefunds.Settled.of(fact);
        } else {
            return;
        }
        try {
            inbox.once(CONSUMER, message, () -> outside.record(settled));
        } catch (OutsideRefunds.Unrecordable unrecordable) {
            throw new PoisonMessageException(message.type() + " " + message.eventId() + ": "
                    + unrecordable.getMessage(), unrecordable);
        }
    }

    private static void requireComplete(InboundMessage message, boolean complete) {
        if (!complete) {
            throw new PoisonMessageException(message.type() + " " + message.eventId()
                    + " names no order, return or amount", null);
        }
    }
}
