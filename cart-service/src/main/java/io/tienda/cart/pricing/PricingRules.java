package io.tienda.cart.pricing;

import io.tienda.cart.pricing.domain.ShippingPolicy;
import io.tienda.cart.pricing.domain.TaxPolicy;
import io.tienda.cart.pricing.domain.Totals;
import org.springframework.stereotype.Service;

/** The configured tax and shipping rules, applied to what the catalog priced. */
@Service
public class PricingRules {

    private final TaxPolicy tax;
    private final ShippingPolicy shipping;

    PricingRules(PricingProperties properties) {
        // built once at start: a bad rate or rule stops the service instead of mispricing carts
        this.tax = properties.tax().policy();
        this.shipping = properties.shipping().policy();
    }

    public boolean shipsTo(String country) {
        return tax.shipsTo(country);
    }

    public Totals totals(String currency, long subtotal, long offerDiscount, long couponDiscount, String country) {
        return Totals.of(currency, subtotal, offerDiscount, couponDiscount, country, tax, shipping);
    }
}
