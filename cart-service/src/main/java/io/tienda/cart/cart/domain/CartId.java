package io.tienda.cart.cart.domain;

import java.util.Optional;

/**
 * Which cart: {@code u:<subject>} for a signed-in shopper, {@code g:<hash of the cart token>} for a
 * guest. The token itself is never stored or published, only its hash.
 */
public record CartId(String value) {

    private static final String USER = "u:";
    private static final String GUEST = "g:";

    public CartId {
        if (value == null || !(value.startsWith(USER) || value.startsWith(GUEST)) || value.length() < 3) {
            throw new IllegalArgumentException("not a cart id: " + value);
        }
    }

    public static CartId user(String subject) {
        return new CartId(USER + subject);
    }

    public static CartId guest(CartToken token) {
        return new CartId(GUEST + token.hash());
    }

    public boolean isGuest() {
        return value.startsWith(GUEST);
    }

    /** The shopper's id (the token subject) for a user cart; empty for a guest cart. */
    public Optional<String> customerId() {
        return isGuest() ? Optional.empty() : Optional.of(value.substring(USER.length()));
    }

    @Override
    public String toString() {
        return value;
    }
}
