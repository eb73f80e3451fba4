package io.tienda.inventory.stock.domain;

import java.util.Comparator;
import java.util.UUID;

/** One SKU in one warehouse: the unit that is locked, counted and moved. */
public record StockKey(String sku, UUID warehouseId) implements Comparable<StockKey> {

    private static final Comparator<StockKey> ORDER =
            Comparator.comparing(StockKey::sku).thenComparing(k -> k.warehouseId().toString());

    @Override
    public int compareTo(StockKey other) {
        return ORDER.compare(this, other);
    }
}
