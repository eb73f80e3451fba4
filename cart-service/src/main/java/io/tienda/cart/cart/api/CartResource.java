package io.tienda.cart.cart.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.cart.cart.CartAccess;
import io.tienda.cart.cart.CartKey;
import io.tienda.cart.cart.Checkouts;
import io.tienda.cart.cart.ShoppingCarts;
import io.tienda.cart.cart.domain.CartId;
import io.tienda.cart.cart.domain.CartProblems;
import io.tienda.cart.cart.domain.CartToken;
import io.tienda.cart.cart.domain.PricedCart;
import io.tienda.platform.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.function.Function;

@RestController
@RequestMapping("/api/v1/cart")
@Tag(name = "Cart", description = "The shopper's cart: a signed-in shopper's own, or a guest's by its X-Cart-Token")
class CartResource {

    static final String CART_TOKEN = "X-Cart-Token";
    private static final String TOKEN_DOC = "The guest cart's token, issued in this header by the first write of an "
            + "anonymous shopper. Sent with a bearer token, it merges the guest cart into the shopper's.";

    private final CartAccess access;
    private final ShoppingCarts carts;
    private final Checkouts checkouts;
    private final CurrentUser currentUser;

    CartResource(CartAccess access, ShoppingCarts carts, Checkouts checkouts, CurrentUser currentUser) {
        this.access = access;
        this.carts = carts;
        this.checkouts = checkouts;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "Get my cart", description = "The caller's cart priced now: the signed-in shopper's own, or "
            + "the guest cart of the X-Cart-Token; an empty cart when there is none. When the catalog cannot price it, "
            + "the last-known prices are shown with stale: true.")
    ResponseEntity<CartView> get(@Parameter(description = TOKEN_DOC) @RequestHeader(name = CART_TOKEN, required = false)
            String token) {
        return read(token, carts::view);
    }

    @PostMapping("/items")
    @Operation(summary = "Add units of a SKU", description = "Adds to the line of the SKU or starts one; the SKU must "
            + "be sold. 1 to 99 units per line, at most 100 lines. An anonymous first write answers the new guest "
            + "cart's token in X-Cart-Token.")
    ResponseEntity<CartView> add(@Parameter(description = TOKEN_DOC) @RequestHeader(name = CART_TOKEN, required = false)
            String token, @Valid @RequestBody CartRequests.AddItem item) {
        return write(token, key -> carts.add(key, item.sku(), item.quantity()));
    }

    @PatchMapping("/items/{sku}")
    @Operation(summary = "Change the quantity of a line")
    ResponseEntity<CartView> change(@Parameter(description = TOKEN_DOC) @RequestHeader(name = CART_TOKEN,
            required = false) String token, @PathVariable String sku,
            @Valid @RequestBody CartRequests.ChangeQuantity change) {
        return existing(token, key -> carts.changeQuantity(key, sku, change.quantity()));
    }

    @DeleteMapping("/items/{sku}")
    @Operation(summary = "Remove a line", description = "Removing a line that is not in the cart changes nothing.")
    ResponseEntity<CartView> remove(@Parameter(description = TOKEN_DOC) @RequestHeader(name = CART_TOKEN,
            required = false) String token, @PathVariable String sku) {
        return existing(token, key -> carts.remove(key, sku));
    }

    @DeleteMapping
    @Operation(summary = "Empty my cart", description = "Removes every line and the coupon; the destination stays.")
    ResponseEntity<CartView> clear(@Parameter(description = TOKEN_DOC) @RequestHeader(name = CART_TOKEN,
            required = false) String token) {
        return existing(token, carts::clear);
    }

    @PutMapping("/coupon")
    @Operation(summary = "Apply a coupon", description = "Refused (422 coupon-rejected) when product-service says the "
            + "code is unknown, expired or used up; kept and shown with its reason when it does not apply yet "
            + "(minimum-not-met, not-applicable).")
    ResponseEntity<CartView> applyCoupon(@Parameter(description = TOKEN_DOC) @RequestHeader(name = CART_TOKEN,
            required = false) String token, @Valid @RequestBody CartRequests.ApplyCoupon coupon) {
        return write(token, key -> carts.applyCoupon(key, coupon.code()));
    }

    @DeleteMapping("/coupon")
    @Operation(summary = "Remove the coupon")
    ResponseEntity<CartView> removeCoupon(@Parameter(description = TOKEN_DOC) @RequestHeader(name = CART_TOKEN,
            required = false) String token) {
        return existing(token, carts::removeCoupon);
    }

    @PutMapping("/shipping-address")
    @Operation(summary = "Set where the order goes", description = "Country (ISO 3166-1 alpha-2) and postcode, for tax "
            + "and shipping; a country the shop does not ship to is 422 country-not-served.")
    ResponseEntity<CartView> shipTo(@Parameter(description = TOKEN_DOC) @RequestHeader(name = CART_TOKEN,
            required = false) String token, @Valid @RequestBody CartRequests.ShipTo address) {
        return write(token, key -> carts.shipTo(key, address.country(), address.postcode()));
    }

    @PostMapping("/merge")
    @Operation(summary = "Merge a guest cart into mine", description = "At sign-in: the guest cart of the token (header "
            + "or body) joins the signed-in shopper's cart, quantities summed and capped at 99 per line; the guest "
            + "cart is emptied. A token already merged into someone else's cart is refused (403 cart-token-refused).")
    ResponseEntity<CartView> merge(@Parameter(description = TOKEN_DOC) @RequestHeader(name = CART_TOKEN,
            required = false) String token, @Valid @RequestBody(required = false) CartRequests.Merge body) {
        String customer = currentUser.requireId();
        String guestToken = token != null ? token : body == null ? null : body.cartToken();
        if (guestToken == null) {
            throw CartProblems.invalidField("cartToken", "send the guest cart's token in X-Cart-Token or the body");
        }
        CartKey key = access.merge(customer, guestToken);
        return ResponseEntity.ok(CartView.of(carts.view(key), id(key)));
    }

    @PostMapping("/checkout")
    @Operation(summary = "Snapshot my cart for checkout", description = "For order-service, with the shopper's own "
            + "bearer token: the cart priced now. Refused when empty (422 cart-empty), when prices cannot be confirmed "
            + "(409 cart-prices-stale) or when a line is not sold (409 cart-lines-unavailable) or sold out "
            + "(409 cart-lines-sold-out). Publishes cart.checkout_started.")
    CheckoutView checkout() {
        String customer = currentUser.requireId();
        return CheckoutView.of(checkouts.snapshot(customer), customer);
    }

    private ResponseEntity<CartView> read(String token, Function<CartKey, PricedCart> action) {
        CartKey key = access.resolve(currentUser.id(), Optional.ofNullable(token), false);
        return ResponseEntity.ok(CartView.of(action.apply(key), id(key)));
    }

    /** A change that creates the guest cart of an anonymous shopper who has none. */
    private ResponseEntity<CartView> write(String token, Function<CartKey, PricedCart> action) {
        CartKey key = access.resolve(currentUser.id(), Optional.ofNullable(token), true);
        CartView view = CartView.of(action.apply(key), id(key));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        key.issued().map(CartToken::value).ifPresent(issued -> response.header(CART_TOKEN, issued));
        return response.body(view);
    }

    /** A change that needs a cart to exist already; without one there is nothing to change. */
    private ResponseEntity<CartView> existing(String token, Function<CartKey, PricedCart> action) {
        CartKey key = access.resolve(currentUser.id(), Optional.ofNullable(token), false);
        return ResponseEntity.ok(CartView.of(action.apply(key), id(key)));
    }

    private static String id(CartKey key) {
        return key.id().map(CartId::value).orElse(null);
    }
}
