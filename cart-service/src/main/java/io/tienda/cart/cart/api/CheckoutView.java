package io.tienda.cart.cart.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.cart.cart.domain.PricedCart;

import java.time.Instant;
import java.util.List;

@Schema(description = "A cart priced for checkout; amounts in minor units of currency")
record CheckoutView(String cartId, String customerId,
        @Schema(description = "the cart's version this snapshot was taken at") long version, String currency,
        List<CartView.Item> items, int itemCount, CartView.Coupon coupon, CartView.Address shippingAddress,
        CartView.TotalsView totals, Instant pricedAt) {

    static CheckoutView of(PricedCart priced, String customerId) {
        CartView view = CartView.of(priced, priced.cart().id().value());
        return new CheckoutView(view.id(), customerId, priced.cart().version(), view.currency(), view.items(),
                view.itemCount(), view.coupon(), view.shippingAddress(), view.totals(), view.pricedAt());
    }
}
