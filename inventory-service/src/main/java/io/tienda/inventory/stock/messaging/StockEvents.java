package io.tienda.inventory.stock.messaging;

import io.tienda.inventory.stock.domain.StockRow;
import io.tienda.inventory.stock.persistence.AvailabilityRepository;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.inventory.LowStock;
import io.tienda.platform.events.inventory.StockChanged;
import io.tienda.platform.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts inventory publishes on {@code inventory.events}, keyed by SKU, through the outbox of
 * the transaction that changed the stock.
 */
@Component
public class StockEvents {

    private final Outbox outbox;
    private final AvailabilityRepository availability;
    private final Clock clock;

    StockEvents(Outbox outbox, AvailabilityRepository availability, Clock clock) {
        this.outbox = outbox;
        this.availability = availability;
        this.clock = clock;
    }

    /**
     * Publishes {@code inventory.stock_changed} for each SKU whose availability differs from what was
     * last published: at most one per SKU, however many rows of it the transaction moved. Call it once,
     * after every stock row the transaction needs is locked: it locks the SKUs' availability rows, in
     * SKU order, after the stock rows.
     */
    public void availabilityMayHaveChanged(Collection<String> skus) {
        publishAvailability(skus, Set.of());
    }

    /**
     * As {@link #availabilityMayHaveChanged}, and also publishes the availability of each of
     * {@code republish} even when it is what was last published, under a new version so that consumers
     * keeping the highest take it: for a consumer that could not apply the last one, as the catalog
     * cannot before a product has the SKU. One pass over both, in SKU order, so the availability rows
     * are still locked in one order.
     */
    public void publishAvailability(Collection<String> mayHaveChanged, Collection<String> republish) {
        Instant now = clock.instant();
        Set<String> skus = new TreeSet<>(mayHaveChanged);
        skus.addAll(republish);
        for (String sku : skus) {
            AvailabilityRepository.Published last = availability.lock(sku, now);
            int current = availability.current(sku);
            if (republish.contains(sku) || last.available() == null || last.available() != current) {
                long version = availability.publish(sku, current, now);
                outbox.publish(Topics.INVENTORY_EVENTS, sku, new StockChanged(sku, current, current > 0, version));
            }
        }
    }

    /** Publishes {@code inventory.low_stock} for a row that has just fallen to or below its reorder point. */
    public void lowStock(StockRow row) {
        outbox.publish(Topics.INVENTORY_EVENTS, row.sku(), new LowStock(row.sku(), row.warehouseCode(), row.onHand(),
                Math.max(0, row.available()), row.reorderPoint(), row.reorderQuantity()));
    }
}
