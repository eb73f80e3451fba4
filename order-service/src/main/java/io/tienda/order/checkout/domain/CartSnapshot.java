package io.tienda.order.checkout.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The shopper's cart as cart-service priced it for checkout: what the order will hold and cost.
 *
 * @param couponCode     the coupon the cart applied, or null when none applied
 * @param couponBase     the total before the coupon ({@code subtotal - offerDiscount}), as product-service
 *                       checks a coupon's minimum
 * @param country        the destination the cart's tax and shipping were priced for
 * @param contentsId     names the goods the cart holds, the same in every snapshot until its lines change
 *                       or an order takes them out; null from a cart-service that does not say
 */
public record CartSnapshot(String cartId, UUID contentsId, String currency, List<Line> lines, String couponCode, long couponBase,
        long subtotal, long discount, long shipping, long tax, boolean taxIncluded, long total, String country,
        Instant pricedAt) {

    public CartSnapshot {
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
    }

    /**
     * One priced line.
     *
     * @param available whether the cart says it can be bought now (in stock and sold)
     */
    public record Line(String sku, String productId, String name, int quantity, long unitPrice, long discount,
            long lineTotal, boolean available, boolean stale) {
    }
}
