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

    public ReturnRequest approve(Instant now) {
        return moveTo(ReturnStatus.APPROVED, now);
    }

    public ReturnRequest reject(Instant now) {
        return moveTo(ReturnStatus.REJECTED, now);
    }

    /** The customer withdrew the request before the items arrived. */
    public ReturnRequest cancel(Instant now) {
        return moveTo(ReturnStatus.CANCELLED, now);
    }

    /** The warehouse has the items back. */
    public ReturnRequest receive(Instant now) {
        return moveTo(ReturnStatus.RECEIVED, now);
    }

    /** @param amount the money sent back, in minor units of {@code currency} */
    public ReturnRequest refund(long amount, String refundCurrency, Instant now) {
        if (amount < 0) {
            throw new IllegalArgumentException("a refund cannot be negative: " + amount);
        }
        ReturnStatus.MOVES.require("return " + id, status, ReturnStatus.REFUNDED);
        return new ReturnRequest(id, orderId, customerId, ReturnStatus.REFUNDED, resolution, reason, comment, amount,
                Objects.requireNonNull(refundCurrency, "refundCurrency"), lines, createdAt, now);
    }

    public ReturnRequest exchange(Instant now) {
        return moveTo(ReturnStatus.EXCHANGED, now);
    }

    private ReturnRequest moveTo(ReturnStatus next, Instant now) {
        ReturnStatus.MOVES.require("return " + id, status, next);
        return new ReturnRequest(id, orderId, customerId, next, resolution, reason, comment, refundAmount, currency,
                lines, createdAt, now);
    }

    public ReturnRequest withLines(List<ReturnLine> newLines) {
        return new ReturnRequest(id, orderId, customerId, status, resolution, reason, comment, refundAmount, currency,
                newLines, createdAt, updatedAt);
    }
}
