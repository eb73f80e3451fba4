package io.tienda.product.pricing.domain;

import io.tienda.platform.events.Money;

import java.util.List;

/**
 * A priced cart: its lines in the order given and the totals over them. {@code coupon} is null when
 * no code was given.
 */
public record Quote(String currency, List<PricedLine> lines, CouponOutcome coupon) {

    public Quote {
        lines = List.copyOf(lines);
    }

    public Money subtotal() {
        return money(lines.stream().mapToLong(line -> line.line().subtotal()).sum());
    }

    public Money offerDiscount() {
        return money(lines.stream().mapToLong(PricedLine::offerDiscount).sum());
    }

    public Money couponDiscount() {
        return money(lines.stream().mapToLong(PricedLine::couponDiscount).sum());
    }

    public Money discount() {
        return money(offerDiscount().amount() + couponDiscount().amount());
    }

    public Money total() {
        return money(subtotal().amount() - discount().amount());
    }

    private Money money(long amount) {
        return Money.of(amount, currency);
    }
}
