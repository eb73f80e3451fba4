package io.tienda.payment.payments.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Money sent back from a captured payment, in minor units of the payment's currency. The payment's
 * ledger counts it as pending until the provider settles it, so that pending and settled refunds
 * together never exceed what was captured.
 *
 * @param refundKey the caller's idempotency key, scoped by source; the same key never refunds twice
 */
public record Refund(UUID id, UUID paymentId, String refundKey, RefundSource source, long amount, String currency,
        String reason, RefundStatus status, String providerRefundId, String failureReason, String requestedBy,
        Instant createdAt, Instant updatedAt) {

    public Refund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(refundKey, "refundKey");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        if (amount <= 0) {
            throw new IllegalArgumentException("a refund returns at least one minor unit: " + amount);
        }
    }

    public static Refund requested(UUID paymentId, String refundKey, RefundSource source, long amount,
            String currency, String reason, String requestedBy, Instant now) {
        return new Refund(UUID.randomUUID(), paymentId, refundKey, source, amount, currency, reason,
                RefundStatus.PENDING, null, null, requestedBy, now, now);
    }

    public Refund succeeded(String providerRefundId, Instant now) {
        RefundStatus.MOVES.require("refund " + id, status, RefundStatus.SUCCEEDED);
        return new Refund(id, paymentId, refundKey, source, amount, currency, reason, RefundStatus.SUCCEEDED,
                providerRefundId == null ? this.providerRefundId : providerRefundId, null, requestedBy, createdAt,
                now);
    }

    public Refund failed(String providerRefundId, String why, Instant now) {
        RefundStatus.MOVES.require("refund " + id, status, RefundStatus.FAILED);
        return new Refund(id, paymentId, refundKey, source, amount, currency, reason, RefundStatus.FAILED,
                providerRefundId == null ? this.providerRefundId : providerRefundId, why, requestedBy, createdAt, now);
    }

    /** The provider accepted it but has not settled it yet. */
    public Refund acceptedAs(String providerRefundId, Instant now) {
        return new Refund(id, paymentId, refundKey, source, amount, currency, reason, status, providerRefundId,
                failureReason, requestedBy, createdAt, now);
    }
}
