package io.tienda.order.saga.domain;

import io.tienda.order.orders.domain.NextAction;
import io.tienda.platform.events.Money;

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
     * @param amount    what was refunded: for the saga's reversal, all that was still refundable, which is
     *                  less than the order's total when part of it was refunded before; null if not told
     */
    record PaymentRefunded(String refundId, String refundKey, Money amount) implements SagaReply {

        public PaymentRefunded(String refundId, String refundKey) {
            this(refundId, refundKey, null);
        }

        public PaymentRefunded(String refundId) {
            this(refundId, null, null);
        }
    }

    /**
     * The refund was refused or failed at the provider; nothing went back to the shopper.
     *
     * @param amount what did not go back (see {@link PaymentRefunded#amount}); null if not told
     */
    record PaymentRefundFailed(String reason, String refundKey, Money amount) implements SagaReply {

        public PaymentRefundFailed(String reason, String refundKey) {
            this(reason, refundKey, null);
        }
    }
}
