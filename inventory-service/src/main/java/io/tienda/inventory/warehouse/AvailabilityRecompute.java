package io.tienda.inventory.warehouse;

import io.tienda.inventory.InventoryProperties;
import io.tienda.inventory.stock.domain.StockRegistry;
import io.tienda.inventory.stock.messaging.StockEvents;
import io.tienda.inventory.warehouse.persistence.WarehouseRepository;
import io.tienda.platform.core.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Republishes the availability of every SKU a warehouse holds after it closed or reopened, a batch
 * of SKUs per transaction, so that no transaction holds the availability locks of a whole
 * catalogue. The status change itself has committed before the first batch: from then on every
 * reservation, receipt and adjustment already counts the warehouse as it now is, and publishes that
 * itself; a batch publishes {@code inventory.stock_changed} for each of its SKUs whose published
 * availability is not what it is now, in the transaction that moves the warehouse's cursor past them.
 *
 * <p>Each batch locks the warehouse row first, so a batch and a close or reopen of the same warehouse
 * never interleave: a batch counts the warehouse either as it was or as it is, never both. After a
 * crash, the cursor says where the last committed batch stopped; the next start and the sweeper
 * carry on from there. The batches run on one worker thread of their own, never on the thread of a
 * request or of the scheduler.
 */
@Component
class AvailabilityRecompute implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityRecompute.class);

    private final WarehouseRepository warehouses;
    private final StockRegistry stock;
    private final StockEvents events;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final AtomicBoolean resumeQueued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            DaemonThreads.named("warehouse-availability"));

    AvailabilityRecompute(WarehouseRepository warehouses, StockRegistry stock, StockEvents events,
            TransactionTemplate transactions, InventoryProperties properties) {
        this.warehouses = warehouses;
        this.stock = stock;
        this.events = events;
        this.transactions = transactions;
        this.batchSize = properties.warehouses().recomputeBatch();
    }

    /** What one batch did. */
    record Batch(int skus, boolean more) {

        static final Batch NOTHING = new Batch(0, false);
    }

    /** Completes the warehouse's pending recompute in the background; call it after the change that asked for it committed. */
    void start(UUID warehouseId) {
        submit(() -> complete(warehouseId));
    }

    /** Completes every pending recompute in the background, e.g. those an instance that stopped left half done. */
    void resumeAll() {
        if (resumeQueued.compareAndSet(false, true)) {
            submit(() -> {
                resumeQueued.set(false);
                completePending();
            });
        }
    }

    /** Every pending recompute, on the caller's thread; answers how many SKUs were recomputed. */
    int completePending() {
        int total = 0;
        for (UUID warehouseId : warehouses.pendingRecomputes()) {
            total += complete(warehouseId);
        }
        return total;
    }

    /**
     * One warehouse's recompute, batch after batch on the caller's thread, until it is done or another
     * transaction holds the warehouse (which then carries on). Answers how many SKUs were recomputed. A
     * failure stops it where the last batch committed; the sweeper carries on later.
     */
    int complete(UUID warehouseId) {
        int total = 0;
        int batches = 0;
        try {
            Batch batch;
            do {
                batch = batch(warehouseId);
                total += batch.skus();
                batches++;
            } while (batch.more() && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            log.warn("recomputing the availability of warehouse {} failed after {} SKUs; it resumes later: {}",
                    warehouseId, total, e.toString());
            return total;
        }
        if (total > 0) {
            log.info("availability of {} SKUs of warehouse {} recomputed in {} batches", total, warehouseId, batches);
        }
        return total;
    }

    /** The next batch of SKUs after the warehouse's cursor, in one transaction. */
    Batch batch(UUID warehouseId) {
        return transactions.execute(status -> {
            Optional<String> after = warehouses.lockPendingRecompute(warehouseId);
            if (after.isEmpty()) {
                return Batch.NOTHING;
            }
            List<String> skus = stock.skusIn(warehouseId, after.get(), batchSize);
            events.availabilityMayHaveChanged(skus);
            boolean more = skus.size() == batchSize;
            warehouses.recomputedUpTo(warehouseId, more ? skus.get(skus.size() - 1) : null);
            return new Batch(skus.size(), more);
        });
    }

    private void submit(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            // Shutting down: the cursor keeps what is left for the next start.
            log.info("not recomputing availability now, the service is stopping");
        }
    }

    /** Lets the batch under way commit (the loop stops after it) before the database goes away. */
    @Override
    public void destroy() throws InterruptedException {
        worker.shutdownNow();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("a batch of the availability recompute did not finish in time; its cursor resumes it at the next start");
        }
    }
}
