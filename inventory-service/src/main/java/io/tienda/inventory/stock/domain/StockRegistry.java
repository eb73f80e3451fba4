package io.tienda.inventory.stock.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;
import java.util.UUID;

/**
 * What other features may ask of the stock store: the stock feature owns the {@code stock} and
 * {@code warehouses} rows, and the catalog registration, forecasts and warehouse changes read or
 * seed them through this port rather than through the stock feature's repository.
 */
public interface StockRegistry {

    /** On hand minus reserved over every active warehouse; zero for a SKU nobody stocked. */
    Availability availability(String sku);

    /** The id of the warehouse with this code, active or not. */
    Optional<UUID> warehouseId(String code);

    /** The SKUs a warehouse holds, e.g. to republish their availability when it opens or closes. */
    SortedSet<String> skusIn(UUID warehouseId);

    /** Creates an empty row in {@code warehouseId} unless some warehouse already holds the SKU. */
    boolean registerIfUnknown(String sku, UUID warehouseId, Instant now);
}
