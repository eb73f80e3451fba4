package io.tienda.cart.cart.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CartTest {

    @Test
    void countsUnitsAndOrdersLinesBySku() {
        Cart cart = new Cart("u1", List.of(new CartLine("B", 2), new CartLine("A", 3)), "EUR");

        assertThat(cart.itemCount()).isEqualTo(5);
        assertThat(cart.lines()).extracting(CartLine::sku).containsExactly("A", "B");
    }

    @Test
    void anEmptyCartHasNoUnits() {
        assertThat(Cart.empty("u1", "EUR").itemCount()).isZero();
    }

    @Test
    void aLineHoldsOneToMaxUnits() {
        assertThatThrownBy(() -> new CartLine("A", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CartLine("A", CartLine.MAX_QUANTITY + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CartLine("A", CartLine.MAX_QUANTITY).quantity()).isEqualTo(CartLine.MAX_QUANTITY);
    }
}
