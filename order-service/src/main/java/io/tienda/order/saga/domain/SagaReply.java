package io.tienda.order.saga.domain;

import io.tienda.order.orders.domain.NextAction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The replies a participant sends on {@code order.saga.replies}, as the saga reads them. */
public sealed interface SagaReply {

    record StockReserved(UUID reservationId, Instant expiresAt) implements SagaReply {
    }

    /** To a reserve (not enough stock) or to a commit (the reservation expired, was released, ...). */
    record StockRejected(String reason, List<String> unavailableSkus) implements SagaReply {

        public StockRejected {
            unavailableSkus = unavailableSkus == null ? List.of() : List.copyOf(unavailableSkus);
        }
    }

    /** To a release, or unsolicited when the reservation expired. */
    record StockReleased() implements SagaReply {
    }

    record StockCommitted() implements SagaReply {
    }

    record PaymentAuthorized(String paymentId) implements SagaReply {
    }

    record PaymentFailed(String reason, String declineCode) implements SagaReply {
    }

    /** The payment waits for the shopper, e.g. to pass 3-D Secure. */
    record PaymentActionRequired(NextAction action) implements SagaReply {
    }

    record PaymentCaptured(String paymentId) implements SagaReply {
    }

    /** The capture was refused; nothing was taken. */
    record PaymentCaptureFailed(String reason) implements SagaReply {
    }

    record PaymentVoided() implements SagaReply {
    }

    /**
     * @param refundKey the key of the refund command it answers; null from senders that predate it. A
     *                  refund of the same order asked by someone else (a return) carries another key.
     */
    record PaymentRefunded(String refundId, String refundKey) implements SagaReply {

        public PaymentRefunded(String refundId) {
            this(refundId, null);
        }
    }

    /** The refund was refused or failed at the provider; nothing went back to the shopper. */
    record PaymentRefundFailed(String reason, String refundKey) implements SagaReply {
    }
}
