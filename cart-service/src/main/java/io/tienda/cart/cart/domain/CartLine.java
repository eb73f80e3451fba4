package io.tienda.cart.cart.domain;

import java.util.Objects;

public record CartLine(String sku, int quantity) {

    /** One line may hold at most this many units, which also keeps the item count far from overflow. */
    public static final int MAX_QUANTITY = 999;

    public CartLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity of " + sku + " must be 1 to " + MAX_QUANTITY + ": " + quantity);
        }
    }
}
