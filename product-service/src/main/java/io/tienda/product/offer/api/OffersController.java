package io.tienda.product.offer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.web.Page;
import io.tienda.product.offer.domain.Offers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

@RestController
@RequestMapping("/api/v1/offers")
@Tag(name = "Offers", description = "Promotions and coupons")
class OffersController {

    private final Offers offers;
    private final Clock clock;

    OffersController(Offers offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List the offers live now",
            description = "Active offers whose window contains the current time, most recently started first. "
                    + "Coupon codes are not listed. Public: no token needed.")
    Page<OfferResponse> live(
            @Parameter(description = "Zero-based page number")
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "Offers per page, 1 to 100")
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return offers.liveAt(clock.instant(), page, size).map(OfferResponse::of);
    }
}
