package io.tienda.inventory.warehouse;

import io.tienda.inventory.stock.messaging.StockEvents;
import io.tienda.inventory.stock.domain.StockRegistry;
import io.tienda.inventory.warehouse.domain.Warehouse;
import io.tienda.inventory.warehouse.persistence.WarehouseRepository;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.core.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * Opening, changing and closing warehouses. Closing one takes its stock out of what can be sold
 * (reservations already holding units there keep them, and commit from there), so every SKU it
 * holds gets its availability published again; reopening puts the stock back.
 */
@Service
public class Warehouses {

    private static final Logger log = LoggerFactory.getLogger(Warehouses.class);

    private final WarehouseRepository warehouses;
    private final StockRegistry stock;
    private final StockEvents events;
    private final Clock clock;

    Warehouses(WarehouseRepository warehouses, StockRegistry stock, StockEvents events, Clock clock) {
        this.warehouses = warehouses;
        this.stock = stock;
        this.events = events;
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
        Warehouse warehouse = new Warehouse(UUID.randomUUID(), code, name, priority, true);
        if (!warehouses.insert(warehouse, clock.instant())) {
            throw DomainException.conflict("A warehouse with code " + code + " already exists");
        }
        log.info("warehouse {} ({}) opened with priority {}", code, name, priority);
        return warehouse;
    }

    @Transactional
    public Warehouse change(String code, Change change) {
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
            events.availabilityMayHaveChanged(stock.skusIn(after.id()));
            log.info("warehouse {} {}", code, after.active() ? "reopened" : "closed");
        }
        return after;
    }
}
