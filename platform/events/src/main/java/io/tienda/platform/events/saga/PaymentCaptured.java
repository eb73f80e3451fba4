package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.UUID;

/** Fact: the authorised amount was captured. */
@EventType("payment.captured")
public record PaymentCaptured(UUID orderId, String paymentId, Money amount) {
}
