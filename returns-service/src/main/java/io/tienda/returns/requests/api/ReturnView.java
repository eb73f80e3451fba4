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
        @Schema(description = "staff only (always null for the customer): why the refund or replacement failed")
        String settlementNote,
        @Schema(description = "for an exchange, the order sending the new units") UUID replacementOrderId,
        List<Line> lines, Instant createdAt, Instant updatedAt,
        @Schema(description = "every move, oldest first; only on GET /api/v1/returns/{id}. Its customer sees "
                + "`staff` for a staff member's moves and only the notes the mails told them (approval, rejection)")
        List<Move> history,
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

    /**
     * The return as its customer sees it, on every answer they get: which staff member acted is staff's
     * business, and so are their working notes (receipt, inspection) and why a refund or a replacement
     * failed inside payment- or order-service ({@code settlementNote}). The customer keeps what the mails
     * already told them: the approval's note and the rejection's reason.
     *
     * @param history null where the answer carries none
     */
    static ReturnView forCustomer(ReturnRequest request, List<HistoryEntry> history, String instructions) {
        ReturnView all = of(request, null, instructions);
        return new ReturnView(all.id(), all.rma(), all.orderId(), all.orderNumber(), all.customerId(), all.status(),
                all.resolution(), all.reason(), all.comment(), all.refundAmount(), all.currency(), all.settlement(),
                null, all.replacementOrderId(), all.lines(), all.createdAt(), all.updatedAt(),
                history == null ? null
                        : history.stream().map(entry -> Move.forCustomer(entry, request.customerId())).toList(),
                instructions);
    }

    record Move(ReturnStatus from, ReturnStatus to, Instant at, String by, String note) {

        static final String STAFF = "staff";

        static Move of(HistoryEntry entry) {
            return new Move(entry.from(), entry.to(), entry.at(), entry.actor(), entry.note());
        }

        static Move forCustomer(HistoryEntry entry, String customerId) {
            boolean told = entry.to() == ReturnStatus.APPROVED || entry.to() == ReturnStatus.REJECTED;
            String by = entry.actor() == null || entry.actor().equals(customerId)
                    || entry.actor().equals(HistoryEntry.SERVICE) ? entry.actor() : STAFF;
            return new Move(entry.from(), entry.to(), entry.at(), by, told ? entry.note() : null);
        }
    }
}
