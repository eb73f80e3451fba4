package io.tienda.returns.requests.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to send back items of an order.
 *
 * @param refundAmount in minor units of {@code currency}; both null until the refund is known
 */
public record ReturnRequest(UUID id, UUID orderId, String customerId, ReturnStatus status,
        ReturnResolution resolution, ReturnReason reason, String comment, Long refundAmount, String currency,
        List<ReturnLine> lines, Instant createdAt, Instant updatedAt) {

    public ReturnRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
    }

    public ReturnRequest withLines(List<ReturnLine> newLines) {
        return new ReturnRequest(id, orderId, customerId, status, resolution, reason, comment, refundAmount, currency,
                newLines, createdAt, updatedAt);
    }
}
