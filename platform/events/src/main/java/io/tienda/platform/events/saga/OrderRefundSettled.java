package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * Fact: staff paid back the refund of a cancelled order that the payment provider refused, or never
 * confirmed, another way (a bank transfer), and said so when they resolved its checkout. The money went
 * back to the shopper without a {@code payment.refunded}; {@code amount} is what that refund was for:
 * payment-service's answer to the checkout's reversal (the order's total, less what staff or a return
 * refunded before the cancellation), or the order's total if it never answered.
 */
@EventType("order.refund_settled")
public record OrderRefundSettled(UUID orderId, String orderNumber, String customerId, Money amount,
        Instant settledAt) {
}
