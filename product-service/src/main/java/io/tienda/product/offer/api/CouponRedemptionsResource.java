package io.tienda.product.offer.api;

import io.tienda.platform.core.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.events.Money;
import io.tienda.platform.security.CurrentUser;
import io.tienda.product.offer.CouponRedemptions;
import io.tienda.product.offer.domain.Offer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;

@RestController
@RequestMapping("/api/v1/offers/coupons/{code}/redemptions")
@Tag(name = "Coupon redemptions", description = "Coupon uses at checkout and their return when an order is cancelled. "
        + "The checkout saga records and gives back uses with its product.commands; these routes are for staff "
        + "correcting a use by hand. Customers never call them (403): a shopper's use is the order's.")
@PreAuthorize(Roles.HAS_STAFF)
class CouponRedemptionsResource {

    /** Order ids are UUIDs today; this keeps them a safe, bounded key whatever they become. */
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    private final CouponRedemptions redemptions;
    private final CurrentUser currentUser;

    CouponRedemptionsResource(CouponRedemptions redemptions, CurrentUser currentUser) {
        this.redemptions = redemptions;
        this.currentUser = currentUser;
    }

    @Schema(description = "An order using the coupon")
    record RedemptionRequest(
            @NotBlank @Pattern(regexp = ID) String orderId,
            @Pattern(regexp = ID) @Schema(description = "the customer who placed the order; counts against the "
                    + "coupon's perCustomerLimit") String customerId,
            @NotNull @Schema(description = "the order total before the coupon, in EUR minor units") Money orderTotal) {
    }

    @Schema(description = "A coupon use")
    record RedemptionResponse(String code, String offerId, String orderId, String customerId, Money orderTotal,
            Instant redeemedAt) {
    }

    @PostMapping
    @Operation(summary = "Record a coupon use for an order (SUPPORT, MANAGER, ADMIN)",
            description = "Orders placed through the checkout redeem their coupon with the saga's "
                    + "product.redeem_coupon command; this is for staff recording a use by hand. Customers get 403. "
                    + "Idempotent by orderId: 201 the first time, 200 with the same use on a repeat. Uses are "
                    + "counted atomically: 409 coupon-exhausted once the usage limit (or the customer's limit) is "
                    + "reached, 409 coupon-expired outside the offer's window, 422 coupon-minimum-not-met, 404 for "
                    + "an unknown code.")
    public ResponseEntity<RedemptionResponse> redeem(@PathVariable @Size(max = 64) String code,
            @Valid @RequestBody RedemptionRequest request) {
        CouponRedemptions.Outcome outcome = redemptions.redeem(code, request.orderId(), request.customerId(),
                request.orderTotal(), caller());
        Offer offer = outcome.offer();
        RedemptionResponse body = new RedemptionResponse(offer.couponCode(), offer.id(),
                outcome.redemption().orderId(), outcome.redemption().customerId(),
                outcome.redemption().orderTotal(), outcome.redemption().redeemedAt());
        if (outcome.replayed()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/v1/offers/coupons/" + offer.couponCode() + "/redemptions/"
                + body.orderId())).body(body);
    }

    @DeleteMapping("/{orderId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Give a coupon use back (SUPPORT, MANAGER, ADMIN)",
            description = "A cancelled order's use is given back by the checkout saga's product.release_coupon "
                    + "command; this is for staff giving one back by hand. Customers get 403, so a confirmed "
                    + "order's use cannot be reclaimed to spend the coupon again. Idempotent: 204 whether the use "
                    + "was given back now, earlier, or never made.")
    public void release(@PathVariable @Size(max = 64) String code, @PathVariable @Pattern(regexp = ID) String orderId) {
        redemptions.release(code, orderId, caller());
    }

    private CouponRedemptions.Caller caller() {
        return new CouponRedemptions.Caller(currentUser.requireId(), currentUser.isStaff());
    }
}
