package io.tienda.inventory.reservation.domain;

import java.util.UUID;

/** Units of one SKU held in one warehouse for an order. */
public record ReservationLine(String sku, UUID warehouseId, int quantity) {

    public ReservationLine {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a reservation line holds at least one unit");
        }
    }
}
