package io.tienda.cart.cart.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.cart.cart.domain.Cart;
import io.tienda.cart.cart.domain.Carts;
import io.tienda.platform.security.CurrentUser;
import io.tienda.cart.CartProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cart")
@Tag(name = "Cart", description = "The signed-in shopper's cart")
class CartController {

    private final Carts carts;
    private final CurrentUser currentUser;
    private final CartProperties properties;

    CartController(Carts carts, CurrentUser currentUser, CartProperties properties) {
        this.carts = carts;
        this.currentUser = currentUser;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "Get my cart",
            description = "The caller's own cart, identified by the token's subject; an empty cart when there is none.")
    CartResponse mine() {
        String owner = currentUser.requireId();
        Cart cart = carts.find(owner).orElseGet(() -> Cart.empty(owner, properties.defaultCurrency()));
        return CartResponse.of(cart);
    }
}
