package io.tienda.cart.cart;

import io.tienda.cart.CartProperties;
import io.tienda.cart.cart.domain.Availability;
import io.tienda.cart.cart.domain.Cart;
import io.tienda.cart.cart.domain.CartId;
import io.tienda.cart.cart.domain.CartProblems;
import io.tienda.cart.cart.domain.Carts;
import io.tienda.cart.cart.domain.PricedCart;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The snapshot order-service takes when a shopper checks out: the cart priced now, refused when it
 * is empty, when the prices cannot be confirmed (stale) or when a line cannot be bought. A snapshot
 * publishes cart.checkout_started in the same atomic write that confirms the cart did not change
 * while it was priced.
 */
@Service
public class Checkouts {

    private final Carts carts;
    private final PricedCarts priced;
    private final CartEvents events;
    private final CartEventRelay relay;
    private final CartProperties properties;

    Checkouts(Carts carts, PricedCarts priced, CartEvents events, CartEventRelay relay, CartProperties properties) {
        this.carts = carts;
        this.priced = priced;
        this.events = events;
        this.relay = relay;
        this.properties = properties;
    }

    public PricedCart snapshot(String customerId) {
        CartId id = CartId.user(customerId);
        for (int attempt = 1; attempt <= properties.writeAttempts(); attempt++) {
            Cart cart = carts.find(id).orElseThrow(CartProblems::emptyCart);
            if (cart.isEmpty()) {
                throw CartProblems.emptyCart();
            }
            PricedCart snapshot = priced.price(cart);
            if (snapshot.stale()) {
                throw CartProblems.stalePrices();
            }
            List<String> unavailable = snapshot.skusWith(Availability.UNAVAILABLE);
            if (!unavailable.isEmpty()) {
                throw CartProblems.linesNotSellable("cart-lines-unavailable", "Some items are no longer sold",
                        unavailable);
            }
            List<String> soldOut = snapshot.skusWith(Availability.SOLD_OUT);
            if (!soldOut.isEmpty()) {
                throw CartProblems.linesNotSellable("cart-lines-sold-out", "Some items are sold out", soldOut);
            }
            List<String> unknown = snapshot.skusWith(Availability.UNKNOWN);
            if (!unknown.isEmpty()) {
                throw CartProblems.stalePrices();
            }
            if (carts.save(cart, properties.userTtl(), List.of(events.checkoutStarted(snapshot)))) {
                relay.flushSoon(id);
                return new PricedCart(cart.storedAs(cart.version() + 1), snapshot.currency(), snapshot.lines(),
                        snapshot.coupon(), snapshot.totals(), false, snapshot.pricedAt());
            }
        }
        throw CartProblems.busy();
    }
}
