package io.tienda.platform.events.saga;

import io.tienda.platform.events.EventType;
import io.tienda.platform.events.Money;

import java.util.UUID;

/**
 * Command: record the order's use of its coupon. Sent once the order's stock is committed; idempotent
 * by order id. {@code orderTotal} is the order before the coupon, as the coupon's minimum is checked.
 * No reply: the order was confirmed with the discount already.
 */
@EventType("product.redeem_coupon")
public record RedeemCoupon(UUID orderId, String code, String customerId, Money orderTotal) {
}
