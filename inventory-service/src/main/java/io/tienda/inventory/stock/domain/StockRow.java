package io.tienda.inventory.stock.domain;

import java.util.UUID;

/**
 * The stock of one SKU in one warehouse, with what the rules need to know about the warehouse.
 * Immutable: a movement or a new reorder policy gives a new row, so a transaction can compare
 * what it found with what it leaves.
 *
 * @param warehousePriority lower ships first
 */
public record StockRow(String sku, UUID warehouseId, String warehouseCode, int warehousePriority,
        boolean warehouseActive, int onHand, int reserved, int reorderPoint, int reorderQuantity) {

    /** The most units one row may hold: far beyond any real shelf, well within the column's range. */
    public static final int MAX_ON_HAND = 1_000_000_000;

    /**
     * The most units of one SKU all warehouses together may hold, closed ones included (they may
     * reopen): its availability is published as an int.
     */
    public static final long MAX_SKU_ON_HAND = Integer.MAX_VALUE;

    public StockKey key() {
        return new StockKey(sku, warehouseId);
    }

    /** Units that can still be promised to a checkout. */
    public int available() {
        return onHand - reserved;
    }

    /** At or below the reorder point: time to buy more. */
    public boolean low() {
        return available() <= reorderPoint;
    }

    /** Whether going from {@code before} to this row crossed into low stock (not merely stayed there). */
    public boolean crossedIntoLowFrom(StockRow before) {
        return low() && !before.low();
    }

    /**
     * The row after {@code quantity} units of {@code kind}. Refuses what the table would refuse, before
     * the table has to: stock never negative, never more reserved than on hand.
     */
    public StockRow apply(MovementKind kind, int quantity) {
        if (!kind.accepts(quantity)) {
            throw new IllegalArgumentException(kind + " of " + quantity + " units is not a movement");
        }
        long newOnHand = (long) onHand + kind.onHandDelta(quantity);
        long newReserved = (long) reserved + kind.reservedDelta(quantity);
        if (newReserved < 0) {
            throw new IllegalStateException(kind + " of " + quantity + " " + sku + " in " + warehouseCode
                    + " would release more than the " + reserved + " reserved");
        }
        if (newOnHand > MAX_ON_HAND) {
            throw new IllegalArgumentException(sku + " in " + warehouseCode + " cannot hold more than " + MAX_ON_HAND);
        }
        if (newOnHand < newReserved) {
            throw new InsufficientStockException(key(), kind + " of " + quantity + " " + sku + " in " + warehouseCode
                    + " needs more than the " + available() + " units available");
        }
        return withLevels((int) newOnHand, (int) newReserved);
    }

    public StockRow withReorderPolicy(int point, int quantity) {
        if (point < 0 || quantity < 0) {
            throw new IllegalArgumentException("a reorder point and quantity are never negative");
        }
        return new StockRow(sku, warehouseId, warehouseCode, warehousePriority, warehouseActive, onHand, reserved,
                point, quantity);
    }

    private StockRow withLevels(int newOnHand, int newReserved) {
        return new StockRow(sku, warehouseId, warehouseCode, warehousePriority, warehouseActive, newOnHand,
                newReserved, reorderPoint, reorderQuantity);
    }
}
