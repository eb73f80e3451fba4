package io.tienda.cart.cart.api;

import io.tienda.cart.cart.domain.Cart;

import java.util.List;

/** The cart as its owner sees it; prices and totals join it once carts are priced. */
public record CartResponse(List<Item> items, String currency, int itemCount) {

    static CartResponse of(Cart cart) {
        return new CartResponse(cart.lines().stream().map(l -> new Item(l.sku(), l.quantity())).toList(),
                cart.currency(), cart.itemCount());
    }

    public record Item(String sku, int quantity) {
    }
}
