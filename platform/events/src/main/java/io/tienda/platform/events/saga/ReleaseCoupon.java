package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;

import java.util.UUID;

/** Command: give back the coupon use of a cancelled order (compensation); a no-op when it has none. No reply. */
@EventType("product.release_coupon")
public record ReleaseCoupon(UUID orderId, String code, String reason) {
}
