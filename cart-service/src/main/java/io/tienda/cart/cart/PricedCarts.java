package io.tienda.cart.cart;

import io.tienda.cart.CartProperties;
import io.tienda.cart.cart.domain.Availability;
import io.tienda.cart.cart.domain.Cart;
import io.tienda.cart.cart.domain.CartLine;
import io.tienda.cart.cart.domain.Carts;
import io.tienda.cart.cart.domain.PriceMemory;
import io.tienda.cart.cart.domain.PricedCart;
import io.tienda.cart.cart.domain.PricedLine;
import io.tienda.cart.pricing.PricingRules;
import io.tienda.cart.pricing.domain.CouponOutcome;
import io.tienda.cart.pricing.domain.PriceList;
import io.tienda.cart.pricing.domain.PricingItem;
import io.tienda.cart.pricing.domain.Quote;
import io.tienda.cart.pricing.domain.QuotedLine;
import io.tienda.platform.events.Money;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices carts: always at the catalog's current prices (best automatic offer per line, coupon on top,
 * as product-service computes them), then shipping and tax by destination. When the catalog cannot
 * answer, the cart still shows, with the prices remembered from its last pricing, marked stale.
 */
@Service
public class PricedCarts {

    private final PriceList catalog;
    private final PricingRules rules;
    private final Carts carts;
    private final Clock clock;
    private final String defaultCurrency;

    PricedCarts(PriceList catalog, PricingRules rules, Carts carts, Clock clock, CartProperties properties) {
        this.catalog = catalog;
        this.rules = rules;
        this.carts = carts;
        this.clock = clock;
        this.defaultCurrency = properties.defaultCurrency();
    }

    public PricedCart price(Cart cart) {
        Instant now = clock.instant();
        String country = cart.shippingAddress() == null ? null : cart.shippingAddress().country();
        if (cart.isEmpty()) {
            CouponOutcome coupon = cart.couponCode() == null ? null
                    : new CouponOutcome(cart.couponCode(), false, "not-applicable", null, null);
            return new PricedCart(cart, cart.currency(), List.of(), coupon,
                    rules.totals(cart.currency(), 0, 0, 0, country), false, now);
        }
        List<PricingItem> items = cart.lines().stream().map(l -> new PricingItem(l.sku(), l.quantity())).toList();
        Optional<Quote> quote = catalog.price(items, cart.couponCode());
        return quote.map(q -> fresh(cart, q, country, now)).orElseGet(() -> stale(cart, country, now));
    }

    private PricedCart fresh(Cart cart, Quote quote, String country, Instant now) {
        List<PricedLine> lines = new ArrayList<>();
        List<PriceMemory> remember = new ArrayList<>();
        for (CartLine line : cart.lines()) {
            QuotedLine price = quote.line(line.sku()).orElse(null);
            lines.add(new PricedLine(line.sku(), line.quantity(), price, availability(price), false));
            if (price != null && price.available()) {
                remember.add(new PriceMemory(price, cart.couponCode(), now));
            }
        }
        if (cart.isStored()) {
            carts.rememberPrices(cart.id(), remember);
        }
        return new PricedCart(cart, quote.currency(), lines, quote.coupon(),
                rules.totals(quote.currency(), amount(quote.subtotal()), amount(quote.offerDiscount()),
                        amount(quote.couponDiscount()), country), false, now);
    }

    private PricedCart stale(Cart cart, String country, Instant now) {
        Map<String, PriceMemory> memory = cart.isStored() ? carts.lastKnownPrices(cart.id()) : Map.of();
        List<PricedLine> lines = new ArrayList<>();
        long subtotal = 0;
        long offers = 0;
        long coupons = 0;
        String currency = cart.currency();
        for (CartLine line : cart.lines()) {
            PriceMemory remembered = memory.get(line.sku());
            QuotedLine price = remembered == null ? null : remembered.lineFor(line.quantity(), cart.couponCode());
            PricedLine priced = new PricedLine(line.sku(), line.quantity(), price, Availability.UNKNOWN, true);
            lines.add(priced);
            if (priced.priced()) {
                currency = price.unitPrice().currency();
                subtotal += amount(price.subtotal());
                offers += amount(price.offerDiscount());
                coupons += amount(price.couponDiscount());
            }
        }
        CouponOutcome coupon = cart.couponCode() == null ? null
                : new CouponOutcome(cart.couponCode(), coupons > 0, null, Money.of(coupons, currency), null);
        return new PricedCart(cart, currency, lines, coupon, rules.totals(currency, subtotal, offers, coupons, country),
                true, now);
    }

    /** A cart for someone who has none yet: nothing in it, nothing to ask the catalog. */
    public PricedCart none(Cart empty) {
        return new PricedCart(empty, defaultCurrency, List.of(), null, rules.totals(defaultCurrency, 0, 0, 0, null),
                false, clock.instant());
    }

    private static Availability availability(QuotedLine price) {
        if (price == null) {
            return Availability.UNKNOWN;
        }
        if (!price.available()) {
            return Availability.UNAVAILABLE;
        }
        if (price.inStock() == null) {
            return Availability.UNKNOWN;
        }
        return price.inStock() ? Availability.IN_STOCK : Availability.SOLD_OUT;
    }

    private static long amount(Money money) {
        return money == null ? 0 : money.amount();
    }
}
