package io.tienda.cart.pricing.domain;

import io.tienda.platform.events.Money;

import java.math.BigDecimal;

/**
 * What the shopper pays, in minor units of one currency:
 * {@code goods = subtotal - offerDiscount - couponDiscount}, shipping by destination on the goods,
 * tax over goods and shipping, and {@code total = goods + shipping} (+ tax when prices are net).
 */
public record Totals(Money subtotal, Money offerDiscount, Money couponDiscount, Money discount, Money shipping,
        Money tax, BigDecimal taxRate, boolean taxIncluded, String country, Money total) {

    public static Totals of(String currency, long subtotal, long offerDiscount, long couponDiscount, String country,
            TaxPolicy tax, ShippingPolicy shipping) {
        String destination = country == null ? tax.defaultCountry() : country;
        long discount = Math.addExact(offerDiscount, couponDiscount);
        long goods = Math.max(0, subtotal - discount);
        long shippingCost = shipping.cost(destination, goods);
        long taxable = Math.addExact(goods, shippingCost);
        BigDecimal rate = tax.rateFor(destination);
        long taxAmount = tax.taxOn(taxable, rate);
        long total = tax.pricesIncludeTax() ? taxable : Math.addExact(taxable, taxAmount);
        return new Totals(Money.of(subtotal, currency), Money.of(offerDiscount, currency),
                Money.of(couponDiscount, currency), Money.of(discount, currency), Money.of(shippingCost, currency),
                Money.of(taxAmount, currency), rate, tax.pricesIncludeTax(), destination, Money.of(total, currency));
    }
}
