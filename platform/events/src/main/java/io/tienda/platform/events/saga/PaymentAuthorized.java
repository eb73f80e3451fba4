package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.UUID;

/** Reply: the amount is authorised and held on the shopper's payment method. */
@EventType("payment.authorized")
public record PaymentAuthorized(UUID orderId, String paymentId, Money amount) {
}
