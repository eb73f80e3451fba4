package io.tienda.cart.pricing.domain;

/**
 * What shipping costs to one destination: a flat amount, free when the goods (after discounts)
 * reach {@code freeOver}; null means never free. Amounts in minor units of the shop's currency.
 */
public record ShippingRule(long flat, Long freeOver) {

    public ShippingRule {
        if (flat < 0 || (freeOver != null && freeOver < 0)) {
            throw new IllegalArgumentException("shipping amounts are not negative");
        }
    }

    /** Nothing to ship costs nothing. */
    public long cost(long goods) {
        if (goods <= 0) {
            return 0;
        }
        return freeOver != null && goods >= freeOver ? 0 : flat;
    }
}
