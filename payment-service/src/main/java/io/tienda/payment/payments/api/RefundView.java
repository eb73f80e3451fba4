package io.tienda.payment.payments.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.payment.payments.domain.Refund;
import io.tienda.payment.payments.domain.RefundSource;
import io.tienda.payment.payments.domain.RefundStatus;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A refund of a captured payment; PENDING until the provider settles it")
record RefundView(UUID id, UUID paymentId, RefundSource source, RefundStatus status,
        @Schema(description = "minor units of currency") long amount, String currency, String reason,
        String failureReason, Instant createdAt, Instant updatedAt) {

    static RefundView of(Refund refund) {
        return new RefundView(refund.id(), refund.paymentId(), refund.source(), refund.status(), refund.amount(),
                refund.currency(), refund.reason(), refund.failureReason(), refund.createdAt(), refund.updatedAt());
    }
}
