package io.tienda.product.offer.persistence;

import io.tienda.platform.events.Money;
import io.tienda.product.offer.domain.Coupon;
import io.tienda.product.offer.domain.Discount;
import io.tienda.product.offer.domain.Offer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * An offer as stored in the {@code offers} collection: {@code kind} PERCENT with {@code percentOff},
 * or FIXED with {@code amountOff}; a coupon offer has {@code couponCode} (absent otherwise, so the
 * sparse unique index ignores it) with {@code usageLimit}, {@code used}, {@code minimumOrder} and
 * {@code perCustomerLimit}. The uses themselves, {@value #REDEMPTIONS}, and the orders that gave a use
 * back, {@value #RELEASED}, are written and read only by {@link MongoCouponUses} and left out of every
 * other read. The latter keeps the name it had when only releases that found no use were kept, so the
 * marks stored then still count. Offers stored before a field existed lack
 * it, hence boxed types: a missing {@code used}, {@code featured} or {@code version} reads as 0 or false.
 */
@Document(OfferDocument.COLLECTION)
record OfferDocument(@Id String id, String name, String kind, Integer percentOff, AmountField amountOff,
        AppliesToField appliesTo, String couponCode, Integer usageLimit, Integer used, AmountField minimumOrder,
        Integer perCustomerLimit, Instant startsAt, Instant endsAt, Boolean active, Boolean featured,
        Instant createdAt, Instant updatedAt, Long version) {

    static final String COLLECTION = "offers";
    static final String REDEMPTIONS = "redemptions";
    static final String RELEASED = "releasedBeforeUse";

    static OfferDocument of(Offer offer) {
        Integer percent = offer.discount() instanceof Discount.PercentOff p ? p.percent() : null;
        AmountField amount = offer.discount() instanceof Discount.AmountOff a ? AmountField.of(a.amount()) : null;
        Coupon coupon = offer.coupon();
        return new OfferDocument(offer.id(), offer.name(), percent != null ? "PERCENT" : "FIXED", percent, amount,
                new AppliesToField(offer.appliesTo().scope().name(), offer.appliesTo().ids()),
                coupon == null ? null : coupon.code(),
                coupon == null ? null : coupon.usageLimit(),
                coupon == null ? 0 : coupon.used(),
                coupon == null ? null : AmountField.of(coupon.minimumOrder()),
                coupon == null ? null : coupon.perCustomerLimit(),
                offer.startsAt(), offer.endsAt(), offer.active(), offer.featured(), offer.createdAt(),
                offer.updatedAt(), offer.version());
    }

    Offer toDomain() {
        Discount discount = switch (kind) {
            case "PERCENT" -> new Discount.PercentOff(percentOff == null ? 0 : percentOff);
            case "FIXED" -> new Discount.AmountOff(AmountField.toMoney(amountOff));
            default -> throw new IllegalStateException("offer " + id + " has an unknown kind " + kind);
        };
        Offer.AppliesTo target = appliesTo == null ? Offer.AppliesTo.EVERYTHING
                : new Offer.AppliesTo(Offer.Scope.valueOf(appliesTo.scope()), appliesTo.ids());
        Coupon coupon = couponCode == null ? null
                : new Coupon(couponCode, usageLimit, used == null ? 0 : used, AmountField.toMoney(minimumOrder),
                        perCustomerLimit);
        return new Offer(id, name, discount, target, coupon, startsAt, endsAt, Boolean.TRUE.equals(active),
                Boolean.TRUE.equals(featured), createdAt, updatedAt, version == null ? 0 : version);
    }

    record AmountField(long amount, String currency) {

        static AmountField of(Money money) {
            return money == null ? null : new AmountField(money.amount(), money.currency());
        }

        static Money toMoney(AmountField field) {
            return field == null ? null : Money.of(field.amount(), field.currency());
        }
    }

    record AppliesToField(String scope, List<String> ids) {
    }
}
