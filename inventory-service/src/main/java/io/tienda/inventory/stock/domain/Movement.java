package io.tienda.inventory.stock.domain;

import java.time.Instant;
import java.util.UUID;

/** One line of the ledger: what moved, where, why and who did it. */
public record Movement(UUID id, String sku, String warehouseCode, MovementKind kind, int onHandDelta,
        int reservedDelta, String reference, String actor, AdjustmentReason reason, String note, Instant occurredAt) {
}
