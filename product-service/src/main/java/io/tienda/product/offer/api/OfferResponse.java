package io.tienda.product.offer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.platform.events.Money;
import io.tienda.product.offer.domain.Discount;
import io.tienda.product.offer.domain.Offer;

import java.time.Instant;
import java.util.List;

/**
 * A live offer as shoppers see it. A coupon code is shown only for a featured offer: other codes are
 * handed out to some shoppers, and a public list would hand them to everyone.
 */
@Schema(description = "A live offer; couponCode only on featured coupon offers")
public record OfferResponse(String id, String name, String kind, Integer percentOff, Money amountOff,
        String appliesTo, List<String> targetIds, Instant startsAt, Instant endsAt, boolean requiresCoupon,
        @JsonInclude(JsonInclude.Include.NON_NULL) String couponCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) Money minimumOrder, boolean featured) {

    static OfferResponse of(Offer offer) {
        Integer percent = offer.discount() instanceof Discount.PercentOff p ? p.percent() : null;
        Money amount = offer.discount() instanceof Discount.AmountOff a ? a.amount() : null;
        return new OfferResponse(offer.id(), offer.name(), percent != null ? "PERCENT" : "FIXED", percent, amount,
                offer.appliesTo().scope().name(), offer.appliesTo().ids(), offer.startsAt(), offer.endsAt(),
                offer.requiresCoupon(), offer.featured() ? offer.couponCode() : null,
                offer.coupon() == null ? null : offer.coupon().minimumOrder(), offer.featured());
    }
}
