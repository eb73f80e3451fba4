package io.tienda.cart.cart.domain;

import io.tienda.cart.pricing.domain.CouponOutcome;
import io.tienda.cart.pricing.domain.Totals;

import java.time.Instant;
import java.util.List;

/**
 * A cart as the shopper sees it: every line with its current price and availability, the coupon's
 * outcome and the totals. {@code stale} when the catalog could not price it and remembered prices
 * stand in; such a cart is shown but never checked out.
 */
public record PricedCart(Cart cart, String currency, List<PricedLine> lines, CouponOutcome coupon, Totals totals,
        boolean stale, Instant pricedAt) {

    public PricedCart {
        lines = List.copyOf(lines);
    }

    public List<String> skusWith(Availability availability) {
        return lines.stream().filter(line -> line.availability() == availability).map(PricedLine::sku).toList();
    }
}
