package io.tienda.returns.requests.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.returns.requests.domain.HistoryEntry;
import io.tienda.returns.requests.domain.ReturnLine;
import io.tienda.returns.requests.domain.ReturnReason;
import io.tienda.returns.requests.domain.ReturnRequest;
import io.tienda.returns.requests.domain.ReturnResolution;
import io.tienda.returns.requests.domain.ReturnStatus;
import io.tienda.returns.requests.domain.Settlement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A request to send back items of an order")
record ReturnView(UUID id, @Schema(example = "RMA-2026-000123") String rma, UUID orderId, String orderNumber,
        String customerId, ReturnStatus status, ReturnResolution resolution,
        @Schema(description = "the first line's reason") ReturnReason reason, String comment,
        @Schema(description = "minor units of currency; null until the inspection sets it") Long refundAmount,
        @Schema(example = "EUR") String currency,
        @Schema(description = "while INSPECTED: the refund or replacement asked for, or its failure") Settlement settlement,
        @Schema(description = "why the refund or replacement failed") String settlementNote,
        @Schema(description = "for an exchange, the order sending the new units") UUID replacementOrderId,
        List<Line> lines, Instant createdAt, Instant updatedAt,
        @Schema(description = "every move, oldest first; only on GET /api/v1/returns/{id}") List<Move> history,
        @Schema(description = "what to do next; only when the return is created") String instructions) {

    static ReturnView of(ReturnRequest request) {
        return of(request, null, null);
    }

    static ReturnView of(ReturnRequest request, List<HistoryEntry> history, String instructions) {
        return new ReturnView(request.id(), request.rma(), request.orderId(), request.orderNumber(),
                request.customerId(), request.status(), request.resolution(), request.reason(), request.comment(),
                request.refundAmount(), request.currency(), request.settlement(), request.settlementNote(),
                request.replacementOrderId(), request.lines().stream().map(Line::of).toList(), request.createdAt(),
                request.updatedAt(), history == null ? null : history.stream().map(Move::of).toList(), instructions);
    }

    record Line(String sku, String productId, String name, int quantity,
            @Schema(description = "the catalog price of one unit, minor units of currency") Long unitPrice,
            @Schema(description = "what was paid for the units sent back, after offers and the coupon, minor units "
                    + "of currency; what a refund of all of them gives back. Null on returns recorded before it was kept")
            Long paid, ReturnReason reason, String comment,
            @Schema(description = "for an exchange, the SKU sent instead") String exchangeSku,
            @Schema(description = "set at inspection") Integer acceptedQuantity,
            @Schema(description = "set at inspection") Boolean restockable) {

        static Line of(ReturnLine line) {
            return new Line(line.sku(), line.productId(), line.name(), line.quantity(), line.unitPrice(), line.paid(),
                    line.reason(), line.comment(), line.exchangeSku(), line.acceptedQuantity(), line.restockable());
        }
    }

    record Move(ReturnStatus from, ReturnStatus to, Instant at, String by, String note) {

        static Move of(HistoryEntry entry) {
            return new Move(entry.from(), entry.to(), entry.at(), entry.actor(), entry.note());
        }
    }
}
