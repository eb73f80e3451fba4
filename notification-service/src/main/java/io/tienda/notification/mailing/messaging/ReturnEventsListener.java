package io.tienda.notification.mailing.messaging;

import io.tienda.notification.mailing.EventMails;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.returns.ReturnApproved;
import io.tienda.platform.events.returns.ReturnExchanged;
import io.tienda.platform.events.returns.ReturnReceived;
import io.tienda.platform.events.returns.ReturnRefunded;
import io.tienda.platform.events.returns.ReturnRejected;
import io.tienda.platform.events.returns.ReturnRequested;
import io.tienda.platform.messaging.InboundMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code returns.events}: every step of a return is mailed to its customer. */
@Component
class ReturnEventsListener {

    private final EventMails mails;

    ReturnEventsListener(EventMails mails) {
        this.mails = mails;
    }

    @KafkaListener(topics = Topics.RETURNS_EVENTS, groupId = Listeners.GROUP)
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        String type = message.type();
        if (Envelope.typeOf(ReturnRequested.class).equals(type)) {
            ReturnRequested e = message.payloadAs(ReturnRequested.class);
            Listeners.require(message, e.orderId(), e.customerId(), e.rma());
            mails.returnRequested(message.eventId(), e);
        } else if (Envelope.typeOf(ReturnApproved.class).equals(type)) {
            ReturnApproved e = message.payloadAs(ReturnApproved.class);
            Listeners.require(message, e.orderId(), e.customerId(), e.rma());
            mails.returnApproved(message.eventId(), e);
        } else if (Envelope.typeOf(ReturnRejected.class).equals(type)) {
            ReturnRejected e = message.payloadAs(ReturnRejected.class);
            Listeners.require(message, e.orderId(), e.customerId(), e.rma());
            mails.returnRejected(message.eventId(), e);
        } else if (Envelope.typeOf(ReturnReceived.class).equals(type)) {
            ReturnReceived e = message.payloadAs(ReturnReceived.class);
            Listeners.require(message, e.orderId(), e.customerId(), e.rma());
            mails.returnReceived(message.eventId(), e);
        } else if (Envelope.typeOf(ReturnRefunded.class).equals(type)) {
            ReturnRefunded e = message.payloadAs(ReturnRefunded.class);
            Listeners.require(message, e.orderId(), e.customerId(), e.rma(), e.amount());
            mails.returnRefunded(message.eventId(), e);
        } else if (Envelope.typeOf(ReturnExchanged.class).equals(type)) {
            ReturnExchanged e = message.payloadAs(ReturnExchanged.class);
            Listeners.require(message, e.orderId(), e.customerId(), e.rma());
            mails.returnExchanged(message.eventId(), e);
        }
    }
}
