package io.tienda.product.search.messaging;

import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.inventory.StockChanged;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import io.tienda.product.search.SearchProperties;
import io.tienda.product.search.domain.StockUpdate;
import io.tienda.product.search.persistence.SearchIndexer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this replica's index current: every change of a product ({@code product.*}) makes the index
 * re-read the product from MongoDB, and {@code inventory.stock_changed} updates a variant's stock.
 *
 * <p>Every replica has its own index, so every replica must see every message: the consumer group
 * is this replica's alone. It starts at the end of the topics, because the index is built from
 * MongoDB at start; the build waits until this consumer has its partitions and their positions are
 * fixed (see {@link #awaitAssignment}), so a change is either already in MongoDB when the build
 * reads it or arrives here afterwards. Re-applying a message is harmless: products are re-read and
 * stock is guarded by its version.
 */
@Component
public class CatalogChangesListener implements ConsumerSeekAware {

    public static final String ID = "product-search";
    static final String STOCK_CHANGED = Envelope.typeOf(StockChanged.class);

    private static final Logger log = LoggerFactory.getLogger(CatalogChangesListener.class);

    private final SearchIndexer indexer;
    private final String groupId;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Set<TopicPartition> known = new HashSet<>();

    CatalogChangesListener(SearchIndexer indexer, SearchProperties properties) {
        this.indexer = indexer;
        this.groupId = properties.consumerGroup();
    }

    public String groupId() {
        return groupId;
    }

    @KafkaListener(id = ID, topics = {Topics.PRODUCT_EVENTS, Topics.INVENTORY_EVENTS},
            groupId = "#{__listener.groupId()}", containerFactory = SearchListenerConfiguration.FACTORY, batch = "true",
            properties = "auto.offset.reset=latest")
    void on(List<ConsumerRecord<String, String>> records) {
        Set<String> products = new LinkedHashSet<>();
        List<StockUpdate> stock = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                InboundMessage message = InboundMessage.from(record);
                if (Topics.PRODUCT_EVENTS.equals(message.topic()) && message.type().startsWith("product.")) {
                    products.add(message.aggregateId());
                } else if (Topics.INVENTORY_EVENTS.equals(message.topic()) && STOCK_CHANGED.equals(message.type())) {
                    StockChanged changed = message.payloadAs(StockChanged.class);
                    stock.add(new StockUpdate(changed.sku(), Math.max(0, changed.available()), changed.version()));
                }
            } catch (PoisonMessageException e) {
                // the catalog's own consumers dead-letter it; one copy per search replica would only add noise
                log.warn("search index skips an unreadable message: {}", e.getMessage());
            }
        }
        if (!products.isEmpty() || !stock.isEmpty()) {
            indexer.apply(products, stock);
        }
    }

    /**
     * Called on the consumer's thread once its partitions are assigned, with their positions already
     * resolved (to the end, for a new group): from here on nothing published is missed. Partitions
     * that appear later (a topic created after start) are read from their beginning, since every
     * message on them is newer than the build.
     */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        synchronized (known) {
            List<TopicPartition> fresh = assignments.keySet().stream().filter(p -> !known.contains(p)).toList();
            if (assigned.getCount() == 0 && !fresh.isEmpty()) {
                callback.seekToBeginning(fresh);
            }
            known.addAll(assignments.keySet());
        }
        assigned.countDown();
    }

    /** Waits until the consumer has its partitions; false when the timeout passed first. */
    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean assigned() {
        return assigned.getCount() == 0;
    }
}
