package io.tienda.product.stock.messaging;

import io.tienda.platform.events.Topics;
import io.tienda.platform.events.inventory.StockChanged;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.product.catalog.domain.ProductStore;
import io.tienda.product.catalog.domain.StockState;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each variant's stock as inventory-service last reported it, and the product's
 * {@code inStock}, which the list filter and fresh search replicas read. Idempotent without an
 * inbox: a SKU's stock is only replaced by a newer version, so a redelivered or late event changes
 * nothing. Stock changes are not product changes: nothing is announced, since search replicas read
 * {@code inventory.events} themselves.
 */
@Component
class StockProjection {

    static final String GROUP = "product-service";
    private static final Logger log = LoggerFactory.getLogger(StockProjection.class);

    private final ProductStore store;
    private final MeterRegistry meters;

    StockProjection(ProductStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.INVENTORY_EVENTS, groupId = GROUP)
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        if (!"inventory.stock_changed".equals(message.type())) {
            return;
        }
        StockChanged changed = message.payloadAs(StockChanged.class);
        ProductStore.StockUpdate outcome = store.applyStock(changed.sku(),
                new StockState(Math.max(0, changed.available()), changed.version()));
        meters.counter("tienda.products.stock.updates", "outcome", outcome.name().toLowerCase()).increment();
        switch (outcome) {
            case APPLIED -> log.debug("stock of {} is now {} (version {})", changed.sku(), changed.available(),
                    changed.version());
            case STALE -> log.debug("ignored stock of {} version {}: a newer one is stored", changed.sku(),
                    changed.version());
            case UNKNOWN_SKU -> log.debug("ignored stock of {}: no product has that SKU", changed.sku());
        }
    }
}
