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
import java.util.Objects;

/**
 * Learns of new SKUs from the catalog. Only created and updated products matter here (an update
 * may add variants); a deleted product's stock rows stay, because the ledger that explains them
 * must. Each message applies once, through the inbox, so a SKU's availability republished for a
 * product that was given it is published once however often the event arrives.
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
        switch (message.type()) {
            case "product.created" -> {
                ProductCreated created = message.payloadAs(ProductCreated.class);
                named(message, created.productId(), created.skus());
            }
            case "product.updated" -> {
                ProductUpdated updated = message.payloadAs(ProductUpdated.class);
                named(message, updated.productId(), updated.skus());
            }
            default -> {
            }
        }
    }

    private void named(InboundMessage message, String productId, List<String> skus) {
        if (skus == null || skus.isEmpty()) {
            return;
        }
        // the envelope's aggregate is the product too, should a producer leave the body's id out
        String product = Objects.requireNonNullElse(productId, message.aggregateId());
        inbox.once(CONSUMER, message, () -> catalog.register(product, skus, demoStock));
    }
}
