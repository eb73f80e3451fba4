package io.tienda.inventory.warehouse.domain;

import java.util.UUID;

/** A place that holds stock. Only active warehouses count towards what can be sold. */
public record Warehouse(UUID id, String code, String name, boolean active) {
}
