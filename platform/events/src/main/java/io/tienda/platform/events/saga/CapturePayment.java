package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.UUID;

/** Command: capture the authorised amount of a confirmed order. */
@EventType("payment.capture")
public record CapturePayment(UUID orderId, Money amount) {
}
