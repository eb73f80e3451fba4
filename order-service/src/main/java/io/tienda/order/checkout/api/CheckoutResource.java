package io.tienda.order.checkout.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.order.checkout.Checkout;
import io.tienda.order.checkout.domain.CheckoutRequest;
import io.tienda.order.orders.api.OrderResponses;
import io.tienda.order.orders.api.OrderResponses.OrderDetails;
import io.tienda.order.orders.domain.ShippingAddress;
import io.tienda.platform.core.IdempotencyKeys;
import io.tienda.platform.security.CurrentUser;
import io.tienda.platform.web.IdempotentAnswers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

@Tag(name = "Orders")
@RestController
@RequestMapping("/api/v1/orders")
class CheckoutResource {

    private final Checkout checkout;
    private final CurrentUser currentUser;

    CheckoutResource(Checkout checkout, CurrentUser currentUser) {
        this.checkout = checkout;
        this.currentUser = currentUser;
    }

    @Schema(description = "Where to ship and how to pay. Give shippingAddress or addressId, not both.")
    record PlaceOrderRequest(
            @Valid @Schema(description = "an address given here") AddressRequest shippingAddress,
            @Schema(description = "an address from the caller's address book (user-service)") UUID addressId,
            @NotBlank @Size(max = 124)
            @Schema(description = "a payment method token, never card data", example = "pm_card_visa")
            String paymentMethod) {
    }

    record AddressRequest(@Schema(example = "Ana García") String name,
            @Schema(example = "Calle Mayor 1") String line1, @Schema(example = "3º B") String line2,
            @Schema(example = "Madrid") String city, @Schema(example = "28013") String postcode,
            @Schema(example = "ES") String country) {

        ShippingAddress address() {
            return new ShippingAddress(name, line1, line2, city, postcode, country);
        }
    }

    @Operation(summary = "Place an order from my cart",
            description = "Snapshots the caller's priced cart (cart-service), creates the order PENDING and starts "
                    + "the checkout saga: 202 with the order and its status URL in Location. Requires an "
                    + "Idempotency-Key: the same key answers the same order again (Idempotent-Replayed: true, false "
                    + "on the first answer); the same "
                    + "key with a different body is 422 idempotency-key-reused. Refused: an empty cart (422 "
                    + "cart-empty), prices that cannot be confirmed (409 cart-prices-stale), items sold out or no "
                    + "longer sold (409 cart-lines-sold-out / cart-lines-unavailable), an address not in the "
                    + "address book (422), a cart priced for another country (422 shipping-country-mismatch), "
                    + "the same cart with the same goods while an order placed from it is still PENDING, whatever "
                    + "its key (409 checkout-in-progress, with that order's orderId, orderNumber and statusUrl), "
                    + "and the cart as it was when an order that went through was placed from it, until cart-service "
                    + "has emptied it of what that order bought (409 cart-already-ordered, the same members).")
    @PostMapping
    public ResponseEntity<OrderDetails> place(
            @Parameter(description = IdempotencyKeys.RULE + ", new for each order")
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @RequestBody PlaceOrderRequest body) {
        IdempotencyKeys.required(idempotencyKey);
        CheckoutRequest request = new CheckoutRequest(
                body.shippingAddress() == null ? null : body.shippingAddress().address(), body.addressId(),
                body.paymentMethod());
        String token = authorization.substring(authorization.indexOf(' ') + 1).strip();
        Checkout.Placement placement = checkout.place(currentUser.requireId(), token, idempotencyKey, request);
        // A shopper's checkout is never a replacement order: those come from returns, on order.commands.
        OrderDetails order = OrderDetails.forOwner(placement.order(), null);
        return IdempotentAnswers.answer(HttpStatus.ACCEPTED, placement.replayed())
                .location(URI.create(OrderResponses.statusUrl(order.id()))).body(order);
    }
}
