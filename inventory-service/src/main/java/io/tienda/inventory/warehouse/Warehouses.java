package io.tienda.inventory.warehouse;

import io.tienda.inventory.warehouse.domain.Warehouse;
import io.tienda.inventory.warehouse.persistence.WarehouseRepository;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.core.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.UUID;

/**
 * Opening, changing and closing warehouses. Closing one takes its stock out of what can be sold
 * (reservations already holding units there keep them, and commit from there), so every SKU it
 * holds gets its availability published again; reopening puts the stock back. The status changes
 * in a short transaction of its own, which reservations see at once; the availability of the SKUs
 * is then recomputed in batches by {@link AvailabilityRecompute}, after the answer.
 */
@Service
public class Warehouses {

    private static final Logger log = LoggerFactory.getLogger(Warehouses.class);

    private final WarehouseRepository warehouses;
    private final AvailabilityRecompute recompute;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Warehouses(WarehouseRepository warehouses, AvailabilityRecompute recompute, TransactionTemplate transactions,
            Clock clock) {
        this.warehouses = warehouses;
        this.recompute = recompute;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Only the fields to change; null keeps a field as it is. */
    public record Change(String name, Integer priority, Boolean active) {
    }

    public Page<Warehouse> list(Boolean active, int page, int size) {
        return new Page<>(warehouses.find(active, Page.offset(page, size), size), page, size,
                warehouses.count(active));
    }

    public Warehouse get(String code) {
        return warehouses.findByCode(code).orElseThrow(() -> DomainException.notFound("warehouse", code));
    }

    @Transactional
    public Warehouse create(String code, String name, int priority) {
        Warehouse warehouse = Warehouse.opened(UUID.randomUUID(), code, name, priority);
        if (!warehouses.insert(warehouse, clock.instant())) {
            throw DomainException.conflict("A warehouse with code " + code + " already exists");
        }
        log.info("warehouse {} ({}) opened with priority {}", code, name, priority);
        return warehouse;
    }

    /**
     * Applies the change in one short transaction. When it closes or reopens the warehouse, the answer
     * says {@code availabilityPending}: the availability of its SKUs is recomputed in the background.
     */
    public Warehouse change(String code, Change change) {
        Warehouse after = transactions.execute(status -> apply(code, change));
        if (after.availabilityPending()) {
            // Also when this change did not start it: a batch that found the row locked by this
            // change stopped, and this picks it up again.
            recompute.start(after.id());
        }
        return after;
    }

    private Warehouse apply(String code, Change change) {
        Warehouse before = warehouses.lockByCode(code).orElseThrow(() -> DomainException.notFound("warehouse", code));
        Warehouse after = before;
        if (change.name() != null) {
            after = after.renamed(change.name());
        }
        if (change.priority() != null) {
            after = after.withPriority(change.priority());
        }
        if (change.active() != null) {
            after = after.withActive(change.active());
        }
        warehouses.update(after, clock.instant());
        if (after.active() != before.active()) {
            warehouses.restartRecompute(after.id());
            log.info("warehouse {} {}; the availability of its SKUs is being recomputed", code,
                    after.active() ? "reopened" : "closed");
        }
        return after;
    }
}
