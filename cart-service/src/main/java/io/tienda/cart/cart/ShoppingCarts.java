package io.tienda.cart.cart;

import io.tienda.cart.CartProperties;
import io.tienda.cart.cart.domain.Cart;
import io.tienda.cart.cart.domain.CartId;
import io.tienda.cart.cart.domain.CartProblems;
import io.tienda.cart.cart.domain.Carts;
import io.tienda.cart.cart.domain.LineChange;
import io.tienda.cart.cart.domain.PriceMemory;
import io.tienda.cart.cart.domain.PricedCart;
import io.tienda.cart.cart.domain.ShippingAddress;
import io.tienda.cart.pricing.PricingRules;
import io.tienda.cart.pricing.domain.CouponOutcome;
import io.tienda.cart.pricing.domain.PriceList;
import io.tienda.cart.pricing.domain.PricingItem;
import io.tienda.cart.pricing.domain.Quote;
import io.tienda.cart.pricing.domain.QuotedLine;
import io.tienda.platform.events.Money;
import io.tienda.platform.messaging.OutboundMessage;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * What shoppers do to their carts. Every change is read, decided by the {@link Cart} aggregate and
 * stored with a compare-and-set on the cart's version; when another device changed the cart in
 * between, the change is decided again on the newer cart, so two devices never lose each other's
 * updates. The funnel events are stored in the same atomic write and relayed to Kafka afterwards.
 */
@Service
public class ShoppingCarts {

    private final Carts carts;
    private final PriceList catalog;
    private final PricingRules rules;
    private final PricedCarts priced;
    private final CartEvents events;
    private final CartEventRelay relay;
    private final CartProperties properties;

    ShoppingCarts(Carts carts, PriceList catalog, PricingRules rules, PricedCarts priced, CartEvents events,
            CartEventRelay relay, CartProperties properties) {
        this.carts = carts;
        this.catalog = catalog;
        this.rules = rules;
        this.priced = priced;
        this.events = events;
        this.relay = relay;
        this.properties = properties;
    }

    public PricedCart view(CartKey key) {
        return key.id().map(id -> priced.price(current(id)))
                .orElseGet(() -> priced.none(Cart.empty(new CartId("g:none"), properties.defaultCurrency())));
    }

    /** Adds units of a SKU; a SKU new to the cart must be one the catalog sells. */
    public PricedCart add(CartKey key, String sku, int quantity) {
        CartId id = key.id().orElseThrow();
        Cart before = current(id);
        before.add(sku, quantity); // refuses what breaks the limits before the catalog is asked
        Map<String, Money> prices = new HashMap<>();
        if (!before.contains(sku)) {
            QuotedLine line = sellable(sku, quantity);
            prices.put(sku, line.unitPrice());
        }
        return priced.price(update(id, cart -> cart.add(sku, quantity), prices));
    }

    public PricedCart changeQuantity(CartKey key, String sku, int quantity) {
        CartId id = key.id().orElseThrow(() -> CartProblems.lineNotInCart(sku));
        return priced.price(update(id, cart -> cart.changeQuantity(sku, quantity), Map.of()));
    }

    public PricedCart remove(CartKey key, String sku) {
        return key.id().map(id -> priced.price(update(id, cart -> cart.remove(sku), Map.of()))).orElseGet(() -> view(key));
    }

    public PricedCart clear(CartKey key) {
        return key.id().map(id -> priced.price(update(id, Cart::clear, Map.of()))).orElseGet(() -> view(key));
    }

    /**
     * Applies a coupon. A code the catalog says is no good (unknown, expired, used up) is refused and
     * not kept; one that does not apply to this cart yet (minimum not met, nothing covered) is kept
     * and shown with its reason, since it may apply once the cart changes.
     */
    public PricedCart applyCoupon(CartKey key, String code) {
        CartId id = key.id().orElseThrow();
        Cart candidate = current(id).withCoupon(code);
        // asked even for an empty cart: an unknown code is no good whatever the cart holds
        Quote quote = catalog.price(candidate.lines().stream()
                .map(l -> new PricingItem(l.sku(), l.quantity())).toList(), candidate.couponCode())
                .orElseThrow(CartProblems::catalogUnavailable);
        CouponOutcome outcome = quote.coupon();
        if (outcome != null && outcome.unusable()) {
            throw CartProblems.couponRejected(candidate.couponCode(), outcome.reason());
        }
        return priced.price(update(id, cart -> cart.withCoupon(code), Map.of()));
    }

    public PricedCart removeCoupon(CartKey key) {
        return key.id().map(id -> priced.price(update(id, Cart::withoutCoupon, Map.of()))).orElseGet(() -> view(key));
    }

    public PricedCart shipTo(CartKey key, String country, String postcode) {
        ShippingAddress address = new ShippingAddress(country, postcode);
        if (!rules.shipsTo(address.country())) {
            throw CartProblems.countryNotServed(address.country());
        }
        CartId id = key.id().orElseThrow();
        return priced.price(update(id, cart -> cart.shipTo(address), Map.of()));
    }

    Cart current(CartId id) {
        Cart cart = carts.find(id).orElseGet(() -> Cart.empty(id, properties.defaultCurrency()));
        if (cart.isMerged()) {
            throw CartProblems.cartMerged();
        }
        return cart;
    }

    /** Applies {@code change} without funnel events (a merge moves lines; nobody added them now). */
    Cart updateQuietly(CartId id, UnaryOperator<Cart> change) {
        return store(id, change, null);
    }

    private Cart update(CartId id, UnaryOperator<Cart> change, Map<String, Money> knownPrices) {
        return store(id, change, knownPrices);
    }

    private Cart store(CartId id, UnaryOperator<Cart> change, Map<String, Money> knownPrices) {
        for (int attempt = 1; attempt <= properties.writeAttempts(); attempt++) {
            Cart before = current(id);
            Cart after = change.apply(before);
            if (before.isStored() && after.equals(before)) {
                return before;
            }
            List<LineChange> changes = LineChange.between(before, after);
            List<OutboundMessage> messages = knownPrices == null || changes.isEmpty() ? List.of()
                    : events.forChanges(id, changes, prices(id, changes, knownPrices));
            if (carts.save(after, timeToLive(id), messages)) {
                if (!messages.isEmpty()) {
                    relay.flushSoon(id);
                }
                return after.storedAs(before.version() + 1);
            }
            backOff(attempt);
        }
        throw CartProblems.busy();
    }

    /** The price each added SKU was last shown at, for the funnel. */
    private Map<String, Money> prices(CartId id, List<LineChange> changes, Map<String, Money> known) {
        boolean missing = changes.stream().anyMatch(c -> c.added() && !known.containsKey(c.sku()));
        if (!missing) {
            return known;
        }
        Map<String, Money> prices = new HashMap<>(known);
        Map<String, PriceMemory> memory = carts.lastKnownPrices(id);
        memory.forEach((sku, price) -> prices.putIfAbsent(sku, price.line().unitPrice()));
        return prices;
    }

    Duration timeToLive(CartId id) {
        return id.isGuest() ? properties.guestTtl() : properties.userTtl();
    }

    private QuotedLine sellable(String sku, int quantity) {
        Quote quote = catalog.price(List.of(new PricingItem(sku, quantity)), null)
                .orElseThrow(CartProblems::catalogUnavailable);
        QuotedLine line = quote.line(sku).orElseThrow(() -> CartProblems.unknownSku(sku, "unknown"));
        if (!line.available()) {
            throw CartProblems.unknownSku(sku, line.reason());
        }
        return line;
    }

    /** Another writer won: wait a little, randomly, so that the writers of one cart spread out. */
    private static void backOff(int attempt) {
        int ceiling = Math.min(50, 1 << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CartProblems.busy();
        }
    }
}
