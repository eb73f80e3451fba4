package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/** Reply and fact: the capture was refused (no authorisation, expired, amount above it); nothing was taken. */
@EventType("payment.capture_failed")
public record PaymentCaptureFailed(UUID orderId, String paymentId, String reason) {
}
