package io.tienda.notification.mailing.messaging;

import io.tienda.notification.mailing.EventMails;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.messaging.InboundMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code payment.events}: refunds are mailed, and so is a refund that fails after it was mailed; the rest
 * skipped unread.
 */
@Component
class PaymentEventsListener {

    private static final String REFUNDED = Envelope.typeOf(PaymentRefunded.class);
    private static final String REFUND_FAILED = Envelope.typeOf(PaymentRefundFailed.class);

    private final EventMails mails;

    PaymentEventsListener(EventMails mails) {
        this.mails = mails;
    }

    @KafkaListener(topics = Topics.PAYMENT_EVENTS, groupId = Listeners.GROUP)
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        if (REFUNDED.equals(message.type())) {
            PaymentRefunded e = message.payloadAs(PaymentRefunded.class);
            Listeners.require(message, e.orderId(), e.amount());
            mails.paymentRefunded(message.eventId(), e);
        } else if (REFUND_FAILED.equals(message.type())) {
            PaymentRefundFailed e = message.payloadAs(PaymentRefundFailed.class);
            Listeners.require(message, e.orderId());
            mails.paymentRefundFailed(message.eventId(), e);
        }
    }
}
