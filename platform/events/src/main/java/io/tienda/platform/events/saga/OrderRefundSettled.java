package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * Fact: staff paid back the refund of a cancelled order that the payment provider refused, or never
 * confirmed, another way (a bank transfer), and said so when they resolved its checkout. The money went
 * back to the shopper without a {@code payment.refunded}; {@code amount} is the order's total.
 */
@EventType("order.refund_settled")
public record OrderRefundSettled(UUID orderId, String orderNumber, String customerId, Money amount,
        Instant settledAt) {
}
