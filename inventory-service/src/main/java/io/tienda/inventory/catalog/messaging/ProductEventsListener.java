package io.tienda.inventory.catalog.messaging;

import io.tienda.inventory.InventoryProperties;
import io.tienda.inventory.catalog.CatalogSkus;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.product.ProductCreated;
import io.tienda.platform.events.product.ProductUpdated;
import io.tienda.platform.inbox.JdbcInbox;
import io.tienda.platform.messaging.InboundMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Learns of new SKUs from the catalog. Only created and updated products matter here (an update
 * may add variants); a deleted product's stock rows stay, because the ledger that explains them
 * must. Each message applies once, through the inbox.
 */
@Component
class ProductEventsListener {

    static final String CONSUMER = "inventory-catalog";

    private final JdbcInbox inbox;
    private final CatalogSkus catalog;
    private final boolean demoStock;

    ProductEventsListener(JdbcInbox inbox, CatalogSkus catalog, InventoryProperties properties) {
        this.inbox = inbox;
        this.catalog = catalog;
        this.demoStock = properties.demoStock().enabled();
    }

    @KafkaListener(topics = Topics.PRODUCT_EVENTS, groupId = "inventory-service")
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        List<String> skus = switch (message.type()) {
            case "product.created" -> message.payloadAs(ProductCreated.class).skus();
            case "product.updated" -> message.payloadAs(ProductUpdated.class).skus();
            default -> null;
        };
        if (skus == null || skus.isEmpty()) {
            return;
        }
        inbox.once(CONSUMER, message, () -> catalog.register(skus, demoStock));
    }
}
