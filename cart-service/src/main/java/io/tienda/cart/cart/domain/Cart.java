package io.tienda.cart.cart.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A shopper's cart: quantities per SKU in one currency. Prices are added when the cart is priced. */
public record Cart(String ownerId, List<CartLine> lines, String currency) {

    public Cart {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(currency, "currency");
        // stable order: clients render the cart the same way on every device
        lines = lines.stream().sorted(Comparator.comparing(CartLine::sku)).toList();
    }

    public static Cart empty(String ownerId, String currency) {
        return new Cart(ownerId, List.of(), currency);
    }

    /** Units in the cart, the number a cart badge shows. */
    public int itemCount() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }
}
