package io.tienda.product.pricing.domain;

import io.tienda.platform.events.Money;
import io.tienda.product.offer.domain.Offer;

/** Whether the coupon the shopper gave took anything off, and if not, why. */
public record CouponOutcome(String code, boolean applied, Reason reason, Offer offer, Money discount) {

    public enum Reason {
        /** No offer has the code. */
        UNKNOWN("unknown"),
        /** The offer has ended, not started yet or been withdrawn. */
        EXPIRED("expired"),
        /** Every use is taken, or the signed-in customer used up their share. */
        EXHAUSTED("exhausted"),
        /** The order, after automatic offers, is below the coupon's minimum. */
        MINIMUM_NOT_MET("minimum-not-met"),
        /** Nothing in the cart is covered by the coupon, or what it covers is already free. */
        NOT_APPLICABLE("not-applicable");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    static CouponOutcome refused(String code, Offer offer, Reason reason) {
        return new CouponOutcome(code, false, reason, offer, null);
    }
}
