package io.tienda.cart.pricing.domain;

import io.tienda.platform.events.Money;

/**
 * One line as the catalog priced it. An unavailable line (unknown or inactive SKU) carries only
 * {@code sku}, {@code quantity} and {@code reason}; the amounts are null and it is left out of the
 * totals. {@code inStock} is the catalog's view of the stock (kept current from inventory's events).
 */
public record QuotedLine(String sku, int quantity, boolean available, String reason, String productId,
        ProductName name, Boolean inStock, Money unitPrice, Money subtotal, String offerName, Money offerDiscount,
        Money couponDiscount, Money discount, Money lineTotal) {

    public static QuotedLine unavailable(String sku, int quantity, String reason) {
        return new QuotedLine(sku, quantity, false, reason, null, null, null, null, null, null, null, null, null,
                null);
    }

    public boolean soldOut() {
        return available && Boolean.FALSE.equals(inStock);
    }

    /**
     * The same line for another quantity, used when only a remembered price is at hand: the unit
     * price holds, and the discounts are scaled to the new quantity (rounded down, so a stale cart
     * never promises more discount than it had).
     */
    public QuotedLine forQuantity(int newQuantity) {
        if (newQuantity == quantity || !available || unitPrice == null) {
            return new QuotedLine(sku, newQuantity, available, reason, productId, name, inStock, unitPrice,
                    subtotal, offerName, offerDiscount, couponDiscount, discount, lineTotal);
        }
        String currency = unitPrice.currency();
        long newSubtotal = Math.multiplyExact(unitPrice.amount(), (long) newQuantity);
        long offer = scale(offerDiscount, newQuantity);
        long coupon = scale(couponDiscount, newQuantity);
        long off = Math.min(newSubtotal, offer + coupon);
        return new QuotedLine(sku, newQuantity, true, null, productId, name, inStock, unitPrice,
                Money.of(newSubtotal, currency), offerName, Money.of(offer, currency), Money.of(coupon, currency),
                Money.of(off, currency), Money.of(newSubtotal - off, currency));
    }

    /** The same line priced without any coupon: only the offer comes off. */
    public QuotedLine withoutCoupon() {
        if (!available || subtotal == null) {
            return this;
        }
        Money offer = offerDiscount == null ? Money.of(0, subtotal.currency()) : offerDiscount;
        return new QuotedLine(sku, quantity, true, null, productId, name, inStock, unitPrice, subtotal, offerName,
                offer, Money.of(0, subtotal.currency()), offer,
                Money.of(subtotal.amount() - offer.amount(), subtotal.currency()));
    }

    private long scale(Money amount, int newQuantity) {
        return amount == null || quantity == 0 ? 0 : amount.amount() * newQuantity / quantity;
    }
}
