package io.tienda.product.pricing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.security.CurrentUser;
import io.tienda.product.pricing.PriceQuotes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/pricing")
@Tag(name = "Pricing", description = "Cart prices with offers and coupons, for cart-service")
class PricingResource {

    static final int MAX_ITEMS = 100;
    static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final PriceQuotes quotes;
    private final CurrentUser currentUser;

    PricingResource(PriceQuotes quotes, CurrentUser currentUser) {
        this.quotes = quotes;
        this.currentUser = currentUser;
    }

    @Schema(description = "A cart to price")
    record PricingRequest(
            @NotNull @Size(max = MAX_ITEMS) List<@NotNull @Valid Item> items,
            @Size(max = 64) @Schema(description = "optional; compared in capitals", example = "VERANO-10")
            String couponCode) {
    }

    @Schema(description = "A cart line")
    record Item(
            @NotNull @Pattern(regexp = SKU) @Schema(example = "TSHIRT-RED-M") String sku,
            @NotNull @Min(1) @Max(999) Integer quantity) {
    }

    @PostMapping
    @Operation(summary = "Price a cart",
            description = "Per line the list price, the best automatic offer (never two), the coupon on top and "
                    + "the line total; totals in EUR minor units; whether the coupon applied and why not. Unknown or "
                    + "inactive SKUs come back as unavailable lines and stay out of the totals. Public: prices are "
                    + "public; with a token, the caller's own uses count against a coupon's per-customer limit.")
    QuoteResponse price(@Valid @RequestBody PricingRequest request) {
        List<PriceQuotes.Request> items = request.items().stream()
                .map(item -> new PriceQuotes.Request(item.sku(), item.quantity())).toList();
        return QuoteResponse.of(quotes.quote(items, request.couponCode(), currentUser.id()));
    }
}
