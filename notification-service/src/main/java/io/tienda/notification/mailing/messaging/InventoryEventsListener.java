package io.tienda.notification.mailing.messaging;

import io.tienda.notification.mailing.EventMails;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.inventory.LowStock;
import io.tienda.platform.messaging.InboundMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code inventory.events}: low stock alerts go to the staff list; the rest skipped unread. */
@Component
class InventoryEventsListener {

    private static final String LOW_STOCK = Envelope.typeOf(LowStock.class);

    private final EventMails mails;

    InventoryEventsListener(EventMails mails) {
        this.mails = mails;
    }

    @KafkaListener(topics = Topics.INVENTORY_EVENTS, groupId = Listeners.GROUP)
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        if (LOW_STOCK.equals(message.type())) {
            LowStock e = message.payloadAs(LowStock.class);
            Listeners.require(message, e.sku(), e.warehouse());
            mails.lowStock(message.eventId(), e);
        }
    }
}
