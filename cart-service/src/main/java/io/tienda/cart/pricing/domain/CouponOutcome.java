package io.tienda.cart.pricing.domain;

import io.tienda.platform.events.Money;

/**
 * Whether the cart's coupon took anything off, and if not, the catalog's reason: {@code unknown},
 * {@code expired}, {@code exhausted}, {@code minimum-not-met} or {@code not-applicable}.
 */
public record CouponOutcome(String code, boolean applied, String reason, Money discount, Money minimumOrder) {

    /** Reasons that will not go away by changing the cart: the code is no good at all. */
    public boolean unusable() {
        return !applied && ("unknown".equals(reason) || "expired".equals(reason) || "exhausted".equals(reason));
    }
}
