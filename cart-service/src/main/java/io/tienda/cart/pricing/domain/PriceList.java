package io.tienda.cart.pricing.domain;

import java.util.List;
import java.util.Optional;

/** The catalog's current prices (product-service); a port so that the rules are tested without it. */
public interface PriceList {

    /**
     * Prices the items with the coupon (null for none). Empty when the catalog cannot answer now
     * (down, slow, its breaker open): the caller decides what a cart without fresh prices shows.
     */
    Optional<Quote> price(List<PricingItem> items, String couponCode);
}
