package io.tienda.product.offer.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.platform.events.Money;
import io.tienda.product.offer.domain.Coupon;
import io.tienda.product.offer.domain.Discount;
import io.tienda.product.offer.domain.Offer;

import java.time.Instant;
import java.util.List;

/** An offer as staff manage it: everything, including the coupon and how often it has been used. */
@Schema(description = "An offer with its coupon and usage, for staff")
record OfferDetails(String id, String name, String kind, Integer percentOff, Money amountOff, String appliesTo,
        List<String> targetIds, Instant startsAt, Instant endsAt, boolean active, boolean featured,
        CouponDetails coupon, Instant createdAt, Instant updatedAt, long version) {

    record CouponDetails(String code, Integer usageLimit, int used, Money minimumOrder, Integer perCustomerLimit) {

        static CouponDetails of(Coupon coupon) {
            return coupon == null ? null : new CouponDetails(coupon.code(), coupon.usageLimit(), coupon.used(),
                    coupon.minimumOrder(), coupon.perCustomerLimit());
        }
    }

    static OfferDetails of(Offer offer) {
        Integer percent = offer.discount() instanceof Discount.PercentOff p ? p.percent() : null;
        Money amount = offer.discount() instanceof Discount.AmountOff a ? a.amount() : null;
        return new OfferDetails(offer.id(), offer.name(), percent != null ? "PERCENT" : "FIXED", percent, amount,
                offer.appliesTo().scope().name(), offer.appliesTo().ids(), offer.startsAt(), offer.endsAt(),
                offer.active(), offer.featured(), CouponDetails.of(offer.coupon()), offer.createdAt(),
                offer.updatedAt(), offer.version());
    }
}
