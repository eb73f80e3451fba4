package io.tienda.product.pricing.domain;

import io.tienda.platform.events.Money;
import io.tienda.product.offer.domain.AppliedOffer;

/**
 * A line with its discounts: {@code offer} is the automatic offer chosen for it (null when none
 * covers it) and {@code couponDiscount} what the coupon took off on top.
 */
public record PricedLine(PricingLine line, AppliedOffer offer, long couponDiscount) {

    public Money subtotal() {
        return money(line.subtotal());
    }

    public long offerDiscount() {
        return offer == null ? 0 : offer.amount();
    }

    public Money discount() {
        return money(offerDiscount() + couponDiscount);
    }

    public Money total() {
        return money(line.subtotal() - offerDiscount() - couponDiscount);
    }

    private Money money(long amount) {
        return Money.of(amount, line.unitPrice().currency());
    }
}
