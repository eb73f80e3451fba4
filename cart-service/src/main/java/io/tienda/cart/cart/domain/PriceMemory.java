package io.tienda.cart.cart.domain;

import io.tienda.cart.pricing.domain.QuotedLine;

import java.time.Instant;
import java.util.Objects;

/**
 * The last price the catalog gave a line, kept to answer with (marked stale) when it cannot price.
 * {@code couponCode} is the coupon the line was priced with (null for none, and in prices remembered
 * before the code was kept): its part of the discount belongs to that code only.
 */
public record PriceMemory(QuotedLine line, String couponCode, Instant pricedAt) {

    /**
     * The remembered line for the cart as it is now: scaled to its quantity, and without the coupon's
     * part when the cart no longer has the coupon it was priced with (removed, replaced, or dropped by
     * an order), so a stale cart never takes off a coupon it does not hold.
     */
    public QuotedLine lineFor(int quantity, String cartCoupon) {
        QuotedLine scaled = line.forQuantity(quantity);
        return cartCoupon != null && cartCoupon.equals(couponCode) ? scaled : scaled.withoutCoupon();
    }
}
