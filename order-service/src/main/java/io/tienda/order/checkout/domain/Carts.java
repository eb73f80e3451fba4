package io.tienda.order.checkout.domain;

/** cart-service, as checkout needs it. */
public interface Carts {

    /**
     * Prices the caller's cart for checkout, on their behalf. Refuses, with the cart's own problem
     * (cart-empty, cart-prices-stale, cart-lines-sold-out, ...), a cart that cannot be ordered.
     */
    CartSnapshot checkout(String bearerToken);
}
