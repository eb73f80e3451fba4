package io.tienda.platform.events.returns;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * Fact: staff paid back a return's refund, which the payment provider had refused or failed, another way
 * (a bank transfer), and said so. The money went back to the customer without a {@code payment.refunded};
 * {@code amount} is the return's refund. The return is refunded: {@code returns.refunded} follows it in the
 * same transaction.
 */
@EventType("returns.refund_settled")
public record ReturnRefundSettled(UUID returnId, String rma, UUID orderId, String customerId, Money amount,
        Instant settledAt) {
}
