package io.tienda.cart.cart.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.cart.cart.domain.PricedCart;

import java.time.Instant;
import java.util.List;

@Schema(description = "A cart priced for checkout; amounts in minor units of currency")
record CheckoutView(String cartId, String customerId,
        @Schema(description = "the cart's version this snapshot was taken at") long version,
        @Schema(description = "names the goods the cart holds: a new id each time its lines change, the same for "
                + "every snapshot until then, so a checkout can tell a second click from a later purchase of the "
                + "same goods") String contentsId,
        String currency, List<CartView.Item> items, int itemCount, CartView.Coupon coupon, CartView.Address shippingAddress,
        CartView.TotalsView totals, Instant pricedAt) {

    static CheckoutView of(PricedCart priced, String customerId) {
        CartView view = CartView.of(priced, priced.cart().id().value());
        return new CheckoutView(view.id(), customerId, priced.cart().version(), priced.cart().contentsId(),
                view.currency(), view.items(), view.itemCount(), view.coupon(), view.shippingAddress(), view.totals(),
                view.pricedAt());
    }
}
