package io.tienda.inventory.warehouse.domain;

import java.util.UUID;

/**
 * A place that holds stock. Only active warehouses count towards what can be sold and are chosen
 * for reservations; when several can fill an order, the lowest priority number ships it.
 *
 * @param availabilityPending whether the availability of the SKUs it holds is still being
 *                            republished after it closed or reopened
 */
public record Warehouse(UUID id, String code, String name, int priority, boolean active,
        boolean availabilityPending) {

    /** Codes such as {@code MAD-1}: upper case, digits and dashes, as the table checks. */
    public static final String CODE = "[A-Z0-9][A-Z0-9-]{1,31}";

    public static final int MIN_PRIORITY = 0;
    public static final int MAX_PRIORITY = 10_000;
    public static final int DEFAULT_PRIORITY = 100;

    public Warehouse {
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY);
        }
    }

    /** A new warehouse: active, and holding nothing whose availability could be pending. */
    public static Warehouse opened(UUID id, String code, String name, int priority) {
        return new Warehouse(id, code, name, priority, true, false);
    }

    public Warehouse renamed(String newName) {
        return new Warehouse(id, code, newName, priority, active, availabilityPending);
    }

    public Warehouse withPriority(int newPriority) {
        return new Warehouse(id, code, name, newPriority, active, availabilityPending);
    }

    /**
     * Closing or reopening changes the availability of every SKU the warehouse holds, so it leaves
     * that availability pending until every one of them has been recomputed.
     */
    public Warehouse withActive(boolean newActive) {
        return new Warehouse(id, code, name, priority, newActive, availabilityPending || newActive != active);
    }
}
