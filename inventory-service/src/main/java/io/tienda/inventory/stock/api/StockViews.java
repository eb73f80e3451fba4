package io.tienda.inventory.stock.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.inventory.stock.Receiving;
import io.tienda.inventory.stock.domain.AdjustmentReason;
import io.tienda.inventory.stock.domain.Movement;
import io.tienda.inventory.stock.domain.MovementKind;
import io.tienda.inventory.stock.domain.StockLevel;

import java.time.Instant;
import java.util.UUID;

/** What the stock endpoints answer. */
final class StockViews {

    /** The most units one receipt or adjustment may move: a typo guard, far above any real delivery. */
    static final int MAX_QUANTITY = 1_000_000;

    private StockViews() {
    }

    @Schema(description = "The stock of one SKU in one warehouse")
    record StockLevelView(String sku, String warehouse,
            @Schema(description = "stock in an inactive warehouse is not for sale") boolean warehouseActive,
            int onHand, int reserved, @Schema(description = "onHand - reserved") int available,
            int reorderPoint, int reorderQuantity,
            @Schema(description = "available is at or below reorderPoint") boolean lowStock) {

        static StockLevelView of(StockLevel level) {
            return new StockLevelView(level.sku(), level.warehouseCode(), level.warehouseActive(), level.onHand(),
                    level.reserved(), level.available(), level.reorderPoint(), level.reorderQuantity(),
                    level.lowStock());
        }
    }

    @Schema(description = "One line of the ledger")
    record MovementView(UUID id, String sku, String warehouse, MovementKind kind,
            @Schema(description = "change of onHand") int onHandDelta,
            @Schema(description = "change of reserved") int reservedDelta,
            @Schema(description = "what caused it: an order id, a purchase order, demo-stock") String reference,
            @Schema(description = "a staff member's user id, or inventory-service for the checkout") String actor,
            @Schema(description = "why, for adjustments") AdjustmentReason reason, String note, Instant occurredAt) {

        static MovementView of(Movement m) {
            return new MovementView(m.id(), m.sku(), m.warehouseCode(), m.kind(), m.onHandDelta(), m.reservedDelta(),
                    m.reference(), m.actor(), m.reason(), m.note(), m.occurredAt());
        }
    }

    @Schema(description = "What a receipt or an adjustment did: the ledger line and the stock row after it")
    record ChangeView(MovementView movement, StockLevelView stock) {

        static ChangeView of(Receiving.Change change) {
            return new ChangeView(MovementView.of(change.movement()), StockLevelView.of(change.stock()));
        }
    }
}
