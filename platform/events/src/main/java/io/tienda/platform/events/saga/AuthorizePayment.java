package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.UUID;

/** Command: authorise (not capture) the order's amount. The idempotency key is the provider's, stored before the call. */
@EventType("payment.authorize")
public record AuthorizePayment(UUID orderId, String customerId, Money amount, String paymentMethod, String idempotencyKey) {
}
