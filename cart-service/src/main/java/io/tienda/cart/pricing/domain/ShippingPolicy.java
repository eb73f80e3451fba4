package io.tienda.cart.pricing.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Shipping rules per destination country, with a rule for every country that has none of its own. */
public record ShippingPolicy(ShippingRule fallback, Map<String, ShippingRule> countries) {

    public ShippingPolicy {
        Objects.requireNonNull(fallback, "fallback");
        Map<String, ShippingRule> normalized = new TreeMap<>();
        countries.forEach((country, rule) -> normalized.put(country.toUpperCase(Locale.ROOT), rule));
        countries = Map.copyOf(normalized);
    }

    public long cost(String country, long goods) {
        ShippingRule rule = country == null ? null : countries.get(country.toUpperCase(Locale.ROOT));
        return (rule == null ? fallback : rule).cost(goods);
    }
}
