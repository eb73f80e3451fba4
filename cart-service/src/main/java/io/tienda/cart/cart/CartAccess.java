package io.tienda.cart.cart;

import io.tienda.cart.CartProperties;
import io.tienda.cart.cart.domain.Cart;
import io.tienda.cart.cart.domain.CartId;
import io.tienda.cart.cart.domain.CartProblems;
import io.tienda.cart.cart.domain.CartToken;
import io.tienda.cart.cart.domain.Carts;
import io.tienda.cart.cart.domain.MergeClaim;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Decides which cart a request may touch, and nothing else: a signed-in shopper reaches only
 * {@code u:<their subject>}; a guest reaches only the cart of the token they hold. A signed-in
 * request that still carries a guest token merges that guest cart into the shopper's first.
 */
@Service
public class CartAccess {

    private final Carts carts;
    private final ShoppingCarts shopping;
    private final CartProperties properties;
    private final SecureRandom random = new SecureRandom();

    CartAccess(Carts carts, ShoppingCarts shopping, CartProperties properties) {
        this.carts = carts;
        this.shopping = shopping;
        this.properties = properties;
    }

    /**
     * @param customerId the token subject of a signed-in caller
     * @param cartToken  the X-Cart-Token header
     * @param write      whether the request changes the cart: an anonymous first write gets a new guest cart
     */
    public CartKey resolve(Optional<String> customerId, Optional<String> cartToken, boolean write) {
        if (cartToken.isPresent()) {
            CartId guest = CartId.guest(CartToken.parse(cartToken.get()));
            if (customerId.isPresent()) {
                merge(customerId.get(), guest);
                return CartKey.of(CartId.user(customerId.get()));
            }
            Cart cart = carts.find(guest).orElseThrow(CartProblems::unknownCartToken);
            if (cart.isMerged()) {
                throw CartProblems.cartMerged();
            }
            return CartKey.of(guest);
        }
        if (customerId.isPresent()) {
            return CartKey.of(CartId.user(customerId.get()));
        }
        if (!write) {
            return CartKey.none();
        }
        CartToken issued = CartToken.issue(random);
        return new CartKey(Optional.of(CartId.guest(issued)), Optional.of(issued));
    }

    /** The explicit merge at sign-in: the guest cart's token, presented by its new owner. */
    public CartKey merge(String customerId, String cartToken) {
        CartId guest = CartId.guest(CartToken.parse(cartToken));
        merge(customerId, guest);
        return CartKey.of(CartId.user(customerId));
    }

    /**
     * Claims the guest cart (from then on it takes no changes), merges its lines into the shopper's
     * cart (summed, capped per line; remembered as absorbed, so a repeat adds nothing) and empties it,
     * keeping only whom it went to. Each step may be repeated after a crash with the same result.
     */
    private void merge(String customerId, CartId guest) {
        MergeClaim claim = carts.claim(guest, customerId);
        if (claim == MergeClaim.NONE) {
            throw CartProblems.unknownCartToken();
        }
        if (claim == MergeClaim.TAKEN) {
            throw CartProblems.cartTokenRefused();
        }
        Optional<Cart> guestCart = carts.find(guest);
        CartId user = CartId.user(customerId);
        if (guestCart.isPresent() && (!guestCart.get().isEmpty() || guestCart.get().couponCode() != null
                || guestCart.get().shippingAddress() != null)) {
            shopping.updateQuietly(user, cart -> cart.absorb(guestCart.get()));
        }
        carts.retire(guest, properties.guestTtl());
    }
}
