package io.tienda.product.pricing.domain;

import io.tienda.product.offer.domain.Offer;

import java.util.Objects;

/**
 * What is known about a coupon before the cart is looked at: unknown, not usable now (with why), or
 * usable, in which case the cart decides whether it applies.
 */
public record CouponCheck(String code, Offer offer, CouponOutcome.Reason rejection) {

    public CouponCheck {
        Objects.requireNonNull(code, "code");
        if (offer == null && rejection == null) {
            throw new IllegalArgumentException("a coupon without an offer is unknown");
        }
    }

    public static CouponCheck unknown(String code) {
        return new CouponCheck(code, null, CouponOutcome.Reason.UNKNOWN);
    }

    public static CouponCheck rejected(Offer offer, CouponOutcome.Reason reason) {
        return new CouponCheck(offer.couponCode(), offer, reason);
    }

    public static CouponCheck usable(Offer offer) {
        return new CouponCheck(offer.couponCode(), offer, null);
    }
}
