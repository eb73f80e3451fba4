package io.tienda.cart.cart;

import io.tienda.cart.cart.domain.CartId;
import io.tienda.cart.cart.domain.CartToken;

import java.util.Optional;

/**
 * The cart a request is about: {@code id} is absent for an anonymous reader who has no cart yet;
 * {@code issued} is the new guest token when this request creates the guest cart.
 */
public record CartKey(Optional<CartId> id, Optional<CartToken> issued) {

    static CartKey of(CartId id) {
        return new CartKey(Optional.of(id), Optional.empty());
    }

    static CartKey none() {
        return new CartKey(Optional.empty(), Optional.empty());
    }
}
