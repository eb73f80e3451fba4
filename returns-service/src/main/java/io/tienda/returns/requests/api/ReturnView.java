package io.tienda.returns.requests.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.returns.requests.domain.ReturnLine;
import io.tienda.returns.requests.domain.ReturnReason;
import io.tienda.returns.requests.domain.ReturnRequest;
import io.tienda.returns.requests.domain.ReturnResolution;
import io.tienda.returns.requests.domain.ReturnStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A request to send back items of an order")
record ReturnView(UUID id, UUID orderId, String customerId, ReturnStatus status, ReturnResolution resolution,
        ReturnReason reason, String comment,
        @Schema(description = "minor units of currency; null until the refund is known") Long refundAmount,
        @Schema(example = "EUR") String currency, List<Line> lines, Instant createdAt, Instant updatedAt) {

    static ReturnView of(ReturnRequest request) {
        return new ReturnView(request.id(), request.orderId(), request.customerId(), request.status(),
                request.resolution(), request.reason(), request.comment(), request.refundAmount(), request.currency(),
                request.lines().stream().map(Line::of).toList(), request.createdAt(), request.updatedAt());
    }

    record Line(String sku, int quantity,
            @Schema(description = "for an exchange, the SKU sent instead") String exchangeSku) {

        static Line of(ReturnLine line) {
            return new Line(line.sku(), line.quantity(), line.exchangeSku());
        }
    }
}
