package io.tienda.cart.pricing;

import io.tienda.cart.pricing.domain.ShippingPolicy;
import io.tienda.cart.pricing.domain.ShippingRule;
import io.tienda.cart.pricing.domain.TaxPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;

/**
 * Where prices come from and the shop's tax and shipping rules.
 *
 * @param catalogUrl product-service through discovery ({@code http://product-service}, load-balanced)
 * @param tax        VAT per destination country; the shop ships only where it has a rate
 * @param shipping   flat rate and free-shipping threshold, by default and per country
 */
@ConfigurationProperties("tienda.cart.pricing")
public record PricingProperties(URI catalogUrl, Tax tax, Shipping shipping) {

    public PricingProperties {
        catalogUrl = catalogUrl == null ? URI.create("http://product-service") : catalogUrl;
        tax = tax == null ? new Tax(null, null, null) : tax;
        shipping = shipping == null ? new Shipping(null, null) : shipping;
    }

    /** Spain, 21 % IVA included in the price, is the local default. */
    public record Tax(Boolean pricesIncludeTax, String defaultCountry, Map<String, BigDecimal> rates) {

        public Tax {
            pricesIncludeTax = pricesIncludeTax == null ? Boolean.TRUE : pricesIncludeTax;
            defaultCountry = defaultCountry == null ? "ES" : defaultCountry;
            rates = rates == null || rates.isEmpty() ? Map.of("ES", BigDecimal.valueOf(21)) : rates;
        }

        public TaxPolicy policy() {
            return new TaxPolicy(pricesIncludeTax, defaultCountry, rates);
        }
    }

    /** Amounts in minor units of the shop's currency. */
    public record Shipping(Rule defaults, Map<String, Rule> countries) {

        public Shipping {
            defaults = defaults == null ? new Rule(499L, 5000L) : defaults;
            countries = countries == null ? Map.of() : countries;
        }

        public ShippingPolicy policy() {
            Map<String, ShippingRule> rules = new java.util.HashMap<>();
            countries.forEach((country, rule) -> rules.put(country, rule.rule()));
            return new ShippingPolicy(defaults.rule(), rules);
        }
    }

    /** @param freeOver goods total from which shipping is free; absent for never */
    public record Rule(Long flat, Long freeOver) {

        ShippingRule rule() {
            return new ShippingRule(flat == null ? 0 : flat, freeOver);
        }
    }
}
