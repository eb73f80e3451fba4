package io.tienda.inventory.catalog;

import io.tienda.inventory.InventoryProperties;
import io.tienda.inventory.catalog.domain.DemoStock;
import io.tienda.inventory.catalog.domain.ProductSkus;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps inventory aware of every SKU the catalog sells: a SKU no warehouse holds yet gets an empty
 * row in the default warehouse, so staff see it in the stock lists (and as low stock) before the
 * first delivery. With demo stock on, it also gets a deterministic starting quantity.
 *
 * <p>Stock may also arrive first: a receipt of a SKU no product has yet publishes its availability
 * while the catalog has nowhere to keep it, and every product then given the SKU would show it sold
 * out until its stock next changed. So when a product is first given a SKU some warehouse already
 * holds, that SKU's availability is published again, under a new version, with the event's inbox
 * row; the SKUs the product already had publish nothing.
 */
@Service
public class CatalogSkus {

    private static final Logger log = LoggerFactory.getLogger(CatalogSkus.class);

    private final StockRegistry stock;
    private final StockLedger ledger;
    private final ProductSkus products;
    private final InventoryProperties properties;
    private final Clock clock;

    CatalogSkus(StockRegistry stock, StockLedger ledger, ProductSkus products, InventoryProperties properties,
            Clock clock) {
        this.stock = stock;
        this.ledger = ledger;
        this.products = products;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes {@code skus} as all the product's SKUs now. Registers those that no warehouse holds and
     * answers them. A SKU some warehouse already holds, however empty, is left alone: its stock is
     * staff's business now. Only if the product did not have it before is its availability published
     * again, for the product to take.
     */
    @Transactional
    public List<String> register(String productId, Collection<String> skus, boolean demoStock) {
        String code = properties.defaultWarehouse();
        UUID warehouse = stock.warehouseId(code).orElseThrow(() -> new IllegalStateException("the default warehouse "
                + code + " does not exist; create it or set tienda.inventory.default-warehouse"));
        Instant now = clock.instant();
        Set<String> valid = new TreeSet<>();
        for (String sku : new TreeSet<>(skus.stream().filter(Objects::nonNull).toList())) {
            if (Sku.isValid(sku)) {
                valid.add(sku);
            } else {
                log.warn("the catalog announced SKU '{}', which inventory cannot stock; ignored", sku);
            }
        }
        Set<String> added = products.replace(productId, valid);
        List<String> registered = new ArrayList<>();
        List<String> stocked = new ArrayList<>();
        for (String sku : valid) {
            if (stock.registerIfUnknown(sku, warehouse, now)) {
                registered.add(sku);
            } else if (added.contains(sku)) {
                stocked.add(sku);
            }
        }
        List<String> received = demoStock ? registered : List.of();
        if (!received.isEmpty() || !stocked.isEmpty()) {
            publish(received, stocked, warehouse);
        }
        if (!registered.isEmpty()) {
            log.info("registered {} new SKUs in {}{}", registered.size(), code, demoStock ? " with demo stock" : "");
        }
        if (!stocked.isEmpty()) {
            log.info("published again the availability of {} SKUs stocked before product {} had them", stocked.size(),
                    productId);
        }
        return registered;
    }

    /**
     * Receives the demo stock of the new SKUs and republishes the stocked ones in one pass, so that
     * every availability row is locked in SKU order after the stock rows, as everywhere else.
     */
    private void publish(List<String> received, List<String> stocked, UUID warehouse) {
        LockedStock locked = ledger.lock(received.stream().map(sku -> new StockKey(sku, warehouse)).toList());
        for (String sku : received) {
            StockKey key = new StockKey(sku, warehouse);
            DemoStock.Plan plan = DemoStock.plan(sku);
            locked.changeReorderPolicy(key, plan.reorderPoint(), plan.reorderQuantity());
            if (plan.quantity() > 0) {
                locked.move(key, MovementKind.RECEIPT, plan.quantity(), MovementSource.service(DemoStock.REFERENCE));
            }
        }
        locked.republish(stocked);
        locked.publish();
    }
}
