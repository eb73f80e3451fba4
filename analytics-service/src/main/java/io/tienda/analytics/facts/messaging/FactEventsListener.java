package io.tienda.analytics.facts.messaging;

import io.tienda.analytics.clickhouse.ClickHouse;
import io.tienda.analytics.facts.Ingestion;
import io.tienda.platform.events.Topics;
import io.tienda.platform.messaging.DependencyUnavailableException;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Every event topic analytics uses, a poll at a time: the records of one poll become one insert per
 * fact table (ClickHouse wants few large inserts, not one per event). Offsets are committed after
 * the batch is stored, so a crash replays it, and the store's event-id check makes that harmless.
 * An unreadable record is reported by position: the records before it are stored and committed, it
 * goes to its topic's dead-letter topic, and the rest of the poll is delivered again. A poll ClickHouse
 * does not take is delivered again until it does; nothing is dead-lettered for it.
 */
@Component
class FactEventsListener {

    static final String ID = "analytics-facts";

    private final Ingestion ingestion;

    FactEventsListener(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    @KafkaListener(id = ID, batch = "true", groupId = "${spring.application.name:analytics-service}",
            autoStartup = "${tienda.analytics.ingestion.enabled:true}",
            topics = {Topics.ORDER_EVENTS, Topics.PAYMENT_EVENTS, Topics.RETURNS_EVENTS, Topics.CART_EVENTS,
                    Topics.PRODUCT_EVENTS, Topics.INVENTORY_EVENTS, Topics.USER_EVENTS})
    void on(List<ConsumerRecord<String, String>> records) {
        List<InboundMessage> messages = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                messages.add(InboundMessage.from(records.get(i)));
            } catch (PoisonMessageException e) {
                store(messages);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        store(messages);
    }

    private void store(List<InboundMessage> messages) {
        try {
            ingestion.ingest(messages);
        } catch (Ingestion.UnreadableEvent e) {
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), e.index());
        } catch (ClickHouse.ClickHouseException e) {
            // The rows are the service's own, made from events already read: ClickHouse refusing them
            // (down, restarting, too many parts, a table being moved) is never the events' fault. The
            // poll waits for it from its first record on, however long, instead of being dead-lettered.
            throw new BatchListenerFailedException(e.getMessage(),
                    new DependencyUnavailableException("ClickHouse did not store the poll's facts", e), 0);
        }
    }
}
