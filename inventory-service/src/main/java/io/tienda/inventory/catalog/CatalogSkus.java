package io.tienda.inventory.catalog;

import io.tienda.inventory.InventoryProperties;
import io.tienda.inventory.catalog.domain.DemoStock;
import io.tienda.inventory.stock.LockedStock;
import io.tienda.inventory.stock.StockLedger;
import io.tienda.inventory.stock.domain.MovementKind;
import io.tienda.inventory.stock.domain.MovementSource;
import io.tienda.inventory.stock.domain.Sku;
import io.tienda.inventory.stock.domain.StockKey;
import io.tienda.inventory.stock.domain.StockRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps inventory aware of every SKU the catalog sells: a SKU no warehouse holds yet gets an empty
 * row in the default warehouse, so staff see it in the stock lists (and as low stock) before the
 * first delivery. With demo stock on, it also gets a deterministic starting quantity.
 */
@Service
public class CatalogSkus {

    private static final Logger log = LoggerFactory.getLogger(CatalogSkus.class);

    private final StockRegistry stock;
    private final StockLedger ledger;
    private final InventoryProperties properties;
    private final Clock clock;

    CatalogSkus(StockRegistry stock, StockLedger ledger, InventoryProperties properties, Clock clock) {
        this.stock = stock;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Registers the SKUs that no warehouse holds; answers them. A SKU some warehouse already holds,
     * however empty, is left alone: its stock is staff's business now.
     */
    @Transactional
    public List<String> register(Collection<String> skus, boolean demoStock) {
        String code = properties.defaultWarehouse();
        UUID warehouse = stock.warehouseId(code).orElseThrow(() -> new IllegalStateException("the default warehouse "
                + code + " does not exist; create it or set tienda.inventory.default-warehouse"));
        Instant now = clock.instant();
        List<String> registered = new ArrayList<>();
        for (String sku : new TreeSet<>(skus.stream().filter(Objects::nonNull).toList())) {
            if (!Sku.isValid(sku)) {
                log.warn("the catalog announced SKU '{}', which inventory cannot stock; ignored", sku);
                continue;
            }
            if (stock.registerIfUnknown(sku, warehouse, now)) {
                registered.add(sku);
            }
        }
        if (demoStock && !registered.isEmpty()) {
            receiveDemoStock(registered, warehouse);
        }
        if (!registered.isEmpty()) {
            log.info("registered {} new SKUs in {}{}", registered.size(), code, demoStock ? " with demo stock" : "");
        }
        return registered;
    }

    private void receiveDemoStock(List<String> skus, UUID warehouse) {
        LockedStock locked = ledger.lock(skus.stream().map(sku -> new StockKey(sku, warehouse)).toList());
        for (String sku : skus) {
            StockKey key = new StockKey(sku, warehouse);
            DemoStock.Plan plan = DemoStock.plan(sku);
            locked.changeReorderPolicy(key, plan.reorderPoint(), plan.reorderQuantity());
            if (plan.quantity() > 0) {
                locked.move(key, MovementKind.RECEIPT, plan.quantity(), MovementSource.service(DemoStock.REFERENCE));
            }
        }
        locked.publish();
    }
}
