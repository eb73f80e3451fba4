package io.tienda.product.offer.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A promotion: a discount on what {@code appliesTo} selects, live between {@code startsAt} and
 * {@code endsAt} (open-ended when null), optionally only with a coupon code.
 */
public record Offer(String id, String name, Discount discount, AppliesTo appliesTo, String couponCode,
        Instant startsAt, Instant endsAt, boolean active) {

    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(appliesTo, "appliesTo");
        Objects.requireNonNull(startsAt, "startsAt");
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("offer " + id + " ends before it starts");
        }
    }

    public boolean isLiveAt(Instant now) {
        return active && !now.isBefore(startsAt) && (endsAt == null || now.isBefore(endsAt));
    }

    public boolean requiresCoupon() {
        return couponCode != null;
    }

    /** What the offer discounts: everything, some products or some categories (by id). */
    public record AppliesTo(Scope scope, List<String> ids) {

        public AppliesTo {
            Objects.requireNonNull(scope, "scope");
            ids = ids == null ? List.of() : List.copyOf(ids);
        }
    }

    public enum Scope { ALL, PRODUCTS, CATEGORIES }
}
