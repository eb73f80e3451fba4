package io.tienda.cart.pricing.domain;

import io.tienda.platform.events.Money;

import java.util.List;
import java.util.Optional;

/**
 * A cart priced by the catalog: lines in the order asked, the best automatic offer per line, the
 * coupon on top, totals over the available lines. {@code coupon} is null when no code was given.
 */
public record Quote(String currency, List<QuotedLine> lines, Money subtotal, Money offerDiscount,
        Money couponDiscount, Money total, CouponOutcome coupon) {

    public Quote {
        lines = List.copyOf(lines);
    }

    public Optional<QuotedLine> line(String sku) {
        return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
    }
}
