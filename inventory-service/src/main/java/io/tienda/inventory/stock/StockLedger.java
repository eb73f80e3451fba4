package io.tienda.inventory.stock;

import io.tienda.inventory.stock.domain.StockKey;
import io.tienda.inventory.stock.domain.StockRow;
import io.tienda.inventory.stock.messaging.StockEvents;
import io.tienda.inventory.stock.persistence.MovementRepository;
import io.tienda.inventory.stock.persistence.StockRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * The only way stock changes. A transaction locks every stock row it will touch with one call, in
 * SKU then warehouse order, so that two transactions over the same rows always queue in the same
 * order and never deadlock, whatever order their order lines came in. Each movement writes the row
 * and its ledger line together; {@link LockedStock#publish()} then writes the events to the outbox.
 */
@Component
public class StockLedger {

    private static final Object LOCKED = new Object();

    private final StockRepository stock;
    private final MovementRepository movements;
    private final StockEvents events;
    private final Clock clock;

    StockLedger(StockRepository stock, MovementRepository movements, StockEvents events, Clock clock) {
        this.stock = stock;
        this.movements = movements;
        this.events = events;
        this.clock = clock;
    }

    /** The rows of these SKUs in active warehouses, the candidates a reservation chooses from. */
    public LockedStock lockForAllocation(Collection<String> skus) {
        claimTransaction();
        return open(stock.lockActive(skus));
    }

    /** Exactly these rows; a key without a row is left out. */
    public LockedStock lock(Collection<StockKey> keys) {
        claimTransaction();
        return open(stock.lock(keys));
    }

    /** These rows, created empty first where they do not exist yet (a first receipt of a SKU). */
    public LockedStock lockCreating(Collection<StockKey> keys) {
        claimTransaction();
        stock.createMissing(keys, clock.instant());
        return open(stock.lock(keys));
    }

    private LockedStock open(List<StockRow> rows) {
        LockedStock locked = new LockedStock(rows, stock, movements, events, clock);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                locked.requirePublished();
            }
        });
        return locked;
    }

    /**
     * Locking twice in one transaction could take rows out of order, which is how deadlocks start;
     * each transaction locks what it needs once.
     */
    private static void claimTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("stock is locked and moved inside a transaction");
        }
        if (TransactionSynchronizationManager.hasResource(LOCKED)) {
            throw new IllegalStateException("this transaction has already locked its stock rows");
        }
        TransactionSynchronizationManager.bindResource(LOCKED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(LOCKED);
            }
        });
    }
}
