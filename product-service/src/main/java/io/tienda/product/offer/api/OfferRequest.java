package io.tienda.product.offer.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.platform.core.TextRules;
import io.tienda.platform.events.Money;
import io.tienda.product.offer.domain.Offer;
import io.tienda.product.offer.domain.OfferDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An offer as staff send it to create or replace one. The rules between fields (the kind and its
 * amount, the window, the targets) are the domain's, checked by {@link OfferDraft#violations()}. The
 * name is shown on order lines and in mails, so it is single-line, like the ids and the code.
 */
@Schema(description = "An offer to create or replace")
record OfferRequest(
        @NotBlank @Size(max = 120) @Pattern(regexp = PLAIN, message = NO_BREAKS)
        @Schema(example = "Rebajas de verano") String name,
        @NotNull @Schema(allowableValues = {"PERCENT", "FIXED"}) String kind,
        @Schema(description = "1 to 100, with kind PERCENT", example = "15") Integer percentOff,
        @Schema(description = "positive, in EUR minor units, with kind FIXED: taken off each unit") Money amountOff,
        @NotNull @Schema(description = "what the offer is on; categories include their subcategories")
        Offer.Scope appliesTo,
        @Size(max = OfferDraft.MAX_TARGETS) @Schema(description = "product ids, SKUs or category ids; none for ALL")
        List<@NotBlank @Size(max = 64) @Pattern(regexp = PLAIN, message = NO_BREAKS) String> targetIds,
        @Schema(description = "defaults to now") Instant startsAt,
        @Schema(description = "open-ended when absent") Instant endsAt,
        @Schema(description = "defaults to true") Boolean active,
        @Schema(description = "listed prominently; a featured coupon offer shows its code publicly") Boolean featured,
        @Valid CouponRequest coupon) {

    private static final String PLAIN = TextRules.SINGLE_LINE_PATTERN;
    private static final String NO_BREAKS = TextRules.SINGLE_LINE_MESSAGE;

    @Schema(description = "Makes the offer apply only with this code")
    record CouponRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = PLAIN, message = NO_BREAKS)
            @Schema(description = "3 to 32 of A-Z, 0-9, '-'; stored in capitals", example = "VERANO-10") String code,
            @Schema(description = "uses in all, 1 to 50000; absent: up to 50000") Integer usageLimit,
            @Schema(description = "EUR minor units the order must reach (after automatic offers)") Money minimumOrder,
            @Schema(description = "uses per customer, 1 to 100; absent: no such limit") Integer perCustomerLimit) {
    }

    OfferDraft toDraft(Clock clock) {
        return new OfferDraft(name, kind, percentOff, amountOff, appliesTo, targetIds,
                startsAt == null ? clock.instant() : startsAt, endsAt, active == null || active,
                Boolean.TRUE.equals(featured), coupon == null ? null : coupon.code(),
                coupon == null ? null : coupon.usageLimit(), coupon == null ? null : coupon.minimumOrder(),
                coupon == null ? null : coupon.perCustomerLimit());
    }
}
