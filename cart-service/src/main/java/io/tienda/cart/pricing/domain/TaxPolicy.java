package io.tienda.cart.pricing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * VAT by destination country. The shop ships only to countries it has a rate for. Catalog prices
 * either include the tax (shown as the part of the total that is tax) or not (tax added on top);
 * either way tax is computed once over the whole order, rounded half-up to the minor unit.
 *
 * @param pricesIncludeTax whether catalog prices are gross (Spain: yes, prices to consumers include IVA)
 * @param defaultCountry   the destination assumed until the shopper gives an address
 * @param rates            percentage per ISO 3166-1 alpha-2 country, e.g. ES → 21
 */
public record TaxPolicy(boolean pricesIncludeTax, String defaultCountry, Map<String, BigDecimal> rates) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public TaxPolicy {
        Objects.requireNonNull(defaultCountry, "defaultCountry");
        defaultCountry = defaultCountry.toUpperCase(Locale.ROOT);
        Map<String, BigDecimal> normalized = new TreeMap<>();
        rates.forEach((country, rate) -> {
            if (rate == null || rate.signum() < 0 || rate.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("tax rate of " + country + " must be 0 to 100: " + rate);
            }
            normalized.put(country.toUpperCase(Locale.ROOT), rate);
        });
        rates = Map.copyOf(normalized);
        if (!rates.containsKey(defaultCountry)) {
            throw new IllegalArgumentException("the default country " + defaultCountry + " has no tax rate");
        }
    }

    public boolean shipsTo(String country) {
        return country != null && rates.containsKey(country.toUpperCase(Locale.ROOT));
    }

    public BigDecimal rateFor(String country) {
        BigDecimal rate = country == null ? null : rates.get(country.toUpperCase(Locale.ROOT));
        return rate == null ? rates.get(defaultCountry) : rate;
    }

    /** The tax in {@code amount}: the included part when prices are gross, the amount to add when net. */
    public long taxOn(long amount, BigDecimal rate) {
        BigDecimal base = BigDecimal.valueOf(amount);
        BigDecimal tax = pricesIncludeTax
                ? base.multiply(rate).divide(HUNDRED.add(rate), 0, RoundingMode.HALF_UP)
                : base.multiply(rate).divide(HUNDRED, 0, RoundingMode.HALF_UP);
        return tax.longValueExact();
    }
}
