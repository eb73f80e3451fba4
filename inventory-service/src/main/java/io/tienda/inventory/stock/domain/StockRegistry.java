package io.tienda.inventory.stock.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    /**
     * The next {@code limit} SKUs a warehouse holds after {@code after}, in SKU order: a page of them
     * at a time, e.g. to republish their availability when it opens or closes.
     *
     * @param after {@code ""} for the first page, else the last SKU of the page before
     */
    List<String> skusIn(UUID warehouseId, String after, int limit);

    /** Creates an empty row in {@code warehouseId} unless some warehouse already holds the SKU. */
    boolean registerIfUnknown(String sku, UUID warehouseId, Instant now);
}
