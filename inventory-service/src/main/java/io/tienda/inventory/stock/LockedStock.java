package io.tienda.inventory.stock;

import io.tienda.inventory.stock.domain.Movement;
import io.tienda.inventory.stock.domain.MovementKind;
import io.tienda.inventory.stock.domain.MovementSource;
import io.tienda.inventory.stock.domain.StockKey;
import io.tienda.inventory.stock.domain.StockRow;
import io.tienda.inventory.stock.messaging.StockEvents;
import io.tienda.inventory.stock.persistence.MovementRepository;
import io.tienda.inventory.stock.persistence.StockRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Stock rows this transaction holds the locks of, as they were when locked and as they are now.
 * Comparing the two at the end is what tells which SKUs' availability changed and which rows fell
 * into low stock, once per transaction however many movements it made. A row created by this
 * transaction starts empty: that is its baseline, not a fall into low stock.
 */
public final class LockedStock {

    private final Map<StockKey, StockRow> before = new TreeMap<>();
    private final Map<StockKey, StockRow> current = new TreeMap<>();
    private final StockRepository stock;
    private final MovementRepository movements;
    private final StockEvents events;
    private final Clock clock;
    private final Set<String> republish = new TreeSet<>();
    private boolean changed;
    private boolean published;

    LockedStock(List<StockRow> rows, StockRepository stock, MovementRepository movements, StockEvents events,
            Clock clock) {
        for (StockRow row : rows) {
            before.put(row.key(), row);
            current.put(row.key(), row);
        }
        this.stock = stock;
        this.movements = movements;
        this.events = events;
        this.clock = clock;
    }

    /** The locked rows as they are now, by SKU then warehouse. */
    public List<StockRow> rows() {
        return List.copyOf(current.values());
    }

    public Optional<StockRow> find(StockKey key) {
        return Optional.ofNullable(current.get(key));
    }

    /** Records {@code quantity} units of {@code kind} on a locked row and in the ledger. */
    public Movement move(StockKey key, MovementKind kind, int quantity, MovementSource source) {
        StockRow row = locked(key);
        StockRow next = row.apply(kind, quantity);
        if (kind == MovementKind.ADJUSTMENT && source.reason() == null) {
            throw new IllegalArgumentException("an adjustment needs a reason");
        }
        Instant now = clock.instant();
        stock.update(next, now);
        Movement movement = new Movement(UUID.randomUUID(), row.sku(), row.warehouseCode(), kind,
                kind.onHandDelta(quantity), kind.reservedDelta(quantity), source.reference(), source.actor(),
                source.reason(), source.note(), now);
        movements.insert(row.warehouseId(), movement);
        current.put(key, next);
        changed = true;
        return movement;
    }

    /** Sets when to reorder and how much; not a movement, but it may turn a row low. */
    public StockRow changeReorderPolicy(StockKey key, int reorderPoint, int reorderQuantity) {
        StockRow next = locked(key).withReorderPolicy(reorderPoint, reorderQuantity);
        stock.update(next, clock.instant());
        current.put(key, next);
        changed = true;
        return next;
    }

    /**
     * Publishes these SKUs' availability with the rest, under a new version even when it did not
     * change: for a consumer that could not apply the figure last published. The SKUs need no locked
     * row here; their availability rows are locked with the others'.
     */
    public void republish(Collection<String> skus) {
        if (published) {
            throw new IllegalStateException("the changes of this transaction are already published");
        }
        republish.addAll(skus);
        changed |= !skus.isEmpty();
    }

    /**
     * Writes the events of everything this transaction did to the outbox: {@code inventory.low_stock}
     * for each row that crossed into low stock, {@code inventory.stock_changed} for each SKU whose
     * availability changed or that is to be republished. Call it once, after the last movement.
     *
     * @throws IllegalArgumentException when a SKU would hold more than {@link StockRow#MAX_SKU_ON_HAND}
     *         units over all warehouses; the transaction must not commit
     */
    public void publish() {
        if (published) {
            throw new IllegalStateException("the changes of this transaction are already published");
        }
        published = true;
        Collection<String> skus = new TreeSet<>();
        Map<String, Long> onHandAdded = new TreeMap<>();
        for (Map.Entry<StockKey, StockRow> entry : current.entrySet()) {
            StockRow was = before.get(entry.getKey());
            StockRow now = entry.getValue();
            if (now.crossedIntoLowFrom(was)) {
                events.lowStock(now);
            }
            // Also in a warehouse that was closed when its row was locked: that lock does not hold the
            // warehouse, which may reopen before this commits, and its recompute cannot count changes it
            // cannot see yet. Under the SKU's availability lock the figure is read afresh, counting the
            // warehouse as it is then; while it stays closed the figure is the one published, and nothing
            // is published.
            if (now.available() != was.available()) {
                skus.add(now.sku());
            }
            onHandAdded.merge(now.sku(), (long) now.onHand() - was.onHand(), Long::sum);
        }
        onHandAdded.values().removeIf(added -> added <= 0);
        // Their availability locks serialise the transactions that add units of these SKUs, so each
        // sums what the ones before it committed.
        skus.addAll(onHandAdded.keySet());
        events.publishAvailability(skus, republish);
        for (String sku : onHandAdded.keySet()) {
            long total = stock.totalOnHand(sku);
            if (total > StockRow.MAX_SKU_ON_HAND) {
                throw new IllegalArgumentException(sku + " cannot hold more than " + StockRow.MAX_SKU_ON_HAND
                        + " units over all warehouses; this would make it " + total);
            }
        }
    }

    void requirePublished() {
        if (changed && !published) {
            throw new IllegalStateException("stock changed without publishing its events");
        }
    }

    private StockRow locked(StockKey key) {
        if (published) {
            throw new IllegalStateException("the changes of this transaction are already published");
        }
        StockRow row = current.get(key);
        if (row == null) {
            throw new IllegalArgumentException(key + " is not locked by this transaction");
        }
        return row;
    }
}
