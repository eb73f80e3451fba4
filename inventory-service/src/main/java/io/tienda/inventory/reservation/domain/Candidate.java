package io.tienda.inventory.reservation.domain;

import java.util.UUID;

/** Units of a SKU an active warehouse could set aside now. */
public record Candidate(String sku, UUID warehouseId, String warehouseCode, int warehousePriority, int available) {
}
