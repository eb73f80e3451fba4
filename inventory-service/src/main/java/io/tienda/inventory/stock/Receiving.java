package io.tienda.inventory.stock;

import io.tienda.inventory.InventoryProblems;
import io.tienda.inventory.stock.domain.AdjustmentReason;
import io.tienda.inventory.stock.domain.InsufficientStockException;
import io.tienda.inventory.stock.domain.Movement;
import io.tienda.inventory.stock.domain.MovementKind;
import io.tienda.inventory.stock.domain.MovementSource;
import io.tienda.inventory.stock.domain.StockKey;
import io.tienda.inventory.stock.domain.StockLevel;
import io.tienda.inventory.stock.domain.StockRow;
import io.tienda.inventory.stock.persistence.RestockKeyRepository;
import io.tienda.inventory.stock.persistence.StockRepository;
import io.tienda.platform.problem.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What staff do to stock by hand: receive goods, correct the books, set when to reorder. Receipts
 * and adjustments take an Idempotency-Key, so a client that retries after a lost answer never
 * moves stock twice.
 */
@Service
public class Receiving {

    private static final Logger log = LoggerFactory.getLogger(Receiving.class);

    private final StockLedger ledger;
    private final StockRepository stock;
    private final IdempotentRequests idempotent;
    private final RestockKeyRepository restockKeys;
    private final Clock clock;

    Receiving(StockLedger ledger, StockRepository stock, IdempotentRequests idempotent,
            RestockKeyRepository restockKeys, Clock clock) {
        this.ledger = ledger;
        this.stock = stock;
        this.idempotent = idempotent;
        this.restockKeys = restockKeys;
        this.clock = clock;
    }

    /** Goods that arrived from a supplier. */
    public record Receipt(String sku, String warehouse, int quantity, String reference, String note) {
    }

    /** A correction of the books; {@code quantity} is signed: negative takes units away. */
    public record Adjustment(String sku, String warehouse, int quantity, AdjustmentReason reason, String note) {
    }

    /** What a receipt or an adjustment did: the ledger line and the stock row after it. */
    public record Change(Movement movement, StockLevel stock) {
    }

    /** A change, and whether it is the stored answer of an earlier request with the same Idempotency-Key. */
    public record Answer(Change change, boolean replayed) {
    }

    @Transactional
    public Answer receive(Receipt receipt, String actor, String idempotencyKey) {
        var outcome = idempotent.run("receipts:" + actor, idempotencyKey, receipt, Change.class, () ->
                move(receipt.sku(), receipt.warehouse(), MovementKind.RECEIPT, receipt.quantity(),
                        new MovementSource(receipt.reference(), actor, null, receipt.note())));
        return new Answer(outcome.value(), outcome.replayed());
    }

    @Transactional
    public Answer adjust(Adjustment adjustment, String actor, String idempotencyKey) {
        var outcome = idempotent.run("adjustments:" + actor, idempotencyKey, adjustment, Change.class, () ->
                move(adjustment.sku(), adjustment.warehouse(), MovementKind.ADJUSTMENT, adjustment.quantity(),
                        new MovementSource(null, actor, adjustment.reason(), adjustment.note())));
        return new Answer(outcome.value(), outcome.replayed());
    }

    /**
     * Returned units put back on sale: received into the active warehouse that ships first, as
     * {@code RESTOCK} movements with {@code reference} (the RMA number) in the ledger, through the same
     * locking, ledger and events as a staff receipt. Applied once per {@code restockKey}, however often
     * the command arrives.
     *
     * <p>Returned parcels arrive whether or not a warehouse is open, so with none open the units are
     * received into the one closed last: on the books, not for sale, and sold once it reopens (its
     * recompute publishes them). Refusing would dead-letter a good command and lose the units.
     *
     * @param quantities units per SKU, each at least 1
     * @return false when the key was applied before and nothing moved
     */
    @Transactional
    public boolean restock(String restockKey, String reference, Map<String, Integer> quantities) {
        if (!restockKeys.claim(restockKey, reference, clock.instant())) {
            log.info("restock {} was applied before; nothing moves", restockKey);
            return false;
        }
        if (quantities.isEmpty()) {
            return true;
        }
        UUID warehouse = stock.firstActiveWarehouse().or(this::closedLastUnlessOneReopened)
                .orElseThrow(() -> new IllegalStateException("no warehouse at all to restock " + restockKey + " into"));
        Map<StockKey, Integer> moves = new TreeMap<>();
        quantities.forEach((sku, quantity) -> moves.put(new StockKey(sku, warehouse), quantity));
        LockedStock locked = ledger.lockCreating(moves.keySet());
        MovementSource source = new MovementSource(reference, MovementSource.SERVICE, null, "restock " + restockKey);
        moves.forEach((key, quantity) -> locked.move(key, MovementKind.RESTOCK, quantity, source));
        locked.publish();
        StockRow into = locked.rows().get(0);
        if (into.warehouseActive()) {
            log.info("restock {} ({}): {} back on sale", restockKey, reference, quantities);
        } else {
            log.warn("restock {} ({}): no warehouse is open; {} received into {}, closed, for sale when it reopens",
                    restockKey, reference, quantities, into.warehouseCode());
        }
        return true;
    }

    /**
     * The warehouse closed last, locked; but a warehouse that reopened since no active one was found
     * (one reopening while the closed one was chosen is waited for) is taken instead, as it sells.
     */
    private Optional<UUID> closedLastUnlessOneReopened() {
        Optional<UUID> closedLast = stock.lastClosedWarehouse();
        return stock.firstActiveWarehouse().or(() -> closedLast);
    }

    /** Sets a row's reorder point and quantity; the row must exist. */
    @Transactional
    public StockLevel changeReorderPolicy(String sku, String warehouse, int reorderPoint, int reorderQuantity) {
        StockKey key = new StockKey(sku, warehouseId(warehouse));
        LockedStock locked = ledger.lock(List.of(key));
        if (locked.find(key).isEmpty()) {
            throw DomainException.notFound("stock of " + sku + " in warehouse", warehouse);
        }
        StockRow row = locked.changeReorderPolicy(key, reorderPoint, reorderQuantity);
        locked.publish();
        return StockLevel.of(row);
    }

    private Change move(String sku, String warehouse, MovementKind kind, int quantity, MovementSource source) {
        StockKey key = new StockKey(sku, warehouseId(warehouse));
        LockedStock locked = ledger.lockCreating(List.of(key));
        Movement movement;
        try {
            movement = locked.move(key, kind, quantity, source);
            locked.publish();
        } catch (InsufficientStockException e) {
            throw InventoryProblems.insufficientStock(e.getMessage());
        } catch (IllegalArgumentException e) {
            // more than a row, or the SKU over all warehouses, may hold
            throw InventoryProblems.invalidField("quantity", e.getMessage());
        }
        StockRow row = locked.find(key).orElseThrow();
        log.info("{} of {} {} in {} by {}", kind, quantity, sku, warehouse, source.actor());
        return new Change(movement, StockLevel.of(row));
    }

    private UUID warehouseId(String code) {
        return stock.warehouseId(code).orElseThrow(() -> InventoryProblems.unknownWarehouse("warehouse", code));
    }
}
