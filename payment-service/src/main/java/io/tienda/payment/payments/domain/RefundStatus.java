package io.tienda.payment.payments.domain;

import io.tienda.platform.core.Transitions;

/** A refund is {@code PENDING} until the provider settles it one way or the other. */
public enum RefundStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    static final Transitions<RefundStatus> MOVES = Transitions.of(RefundStatus.class)
            .allow(PENDING, SUCCEEDED, FAILED);
}
