package io.tienda.cart.cart.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.cart.cart.domain.CartLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies cart endpoints accept. */
final class CartRequests {

    private CartRequests() {
    }

    @Schema(description = "Units of a SKU to put in the cart")
    record AddItem(
            @NotNull @Pattern(regexp = CartLimits.SKU) @Schema(example = "TSHIRT-RED-M") String sku,
            @NotNull @Min(1) @Max(CartLimits.MAX_QUANTITY) Integer quantity) {
    }

    @Schema(description = "The new quantity of a line")
    record ChangeQuantity(@NotNull @Min(1) @Max(CartLimits.MAX_QUANTITY) Integer quantity) {
    }

    @Schema(description = "A coupon code; compared in capitals")
    record ApplyCoupon(@NotNull @Pattern(regexp = CartLimits.COUPON) @Schema(example = "VERANO-10") String code) {
    }

    @Schema(description = "Where the order will go, for tax and shipping")
    record ShipTo(
            @NotNull @Pattern(regexp = "[A-Za-z]{2}") @Schema(example = "ES") String country,
            @NotNull @Size(min = 3, max = 12) @Schema(example = "28013") String postcode) {
    }

    @Schema(description = "The guest cart to merge, when not sent as the X-Cart-Token header")
    record Merge(@Size(max = 64) String cartToken) {
    }
}
