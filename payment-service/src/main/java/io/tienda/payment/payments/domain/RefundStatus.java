package io.tienda.payment.payments.domain;

import io.tienda.platform.core.Transitions;

/**
 * A refund is {@code PENDING} until the provider settles it one way or the other. A refund that
 * succeeded may still fail later (Stripe moves it to {@code failed} or {@code canceled} when the
 * card can no longer take the money); a failed refund stays failed.
 */
public enum RefundStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    static final Transitions<RefundStatus> MOVES = Transitions.of(RefundStatus.class)
            .allow(PENDING, SUCCEEDED, FAILED)
            .allow(SUCCEEDED, FAILED);
}
