package io.tienda.cart.cart.domain;

import java.util.Optional;

/** Carts as stored. */
public interface Carts {

    /** The owner's cart, or empty when the owner has none. */
    Optional<Cart> find(String ownerId);
}
