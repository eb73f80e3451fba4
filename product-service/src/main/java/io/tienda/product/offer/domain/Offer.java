package io.tienda.product.offer.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A promotion: a discount on what {@code appliesTo} selects, live between {@code startsAt} and
 * {@code endsAt} (open-ended when null), automatic or only with a {@link Coupon}. {@code featured}
 * coupon offers are advertised with their code; other codes are handed out and never listed.
 * {@code version} grows with every edit by staff (not with coupon uses).
 */
public record Offer(String id, String name, Discount discount, AppliesTo appliesTo, Coupon coupon,
        Instant startsAt, Instant endsAt, boolean active, boolean featured, Instant createdAt, Instant updatedAt,
        long version) {

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
        return coupon != null;
    }

    public String couponCode() {
        return coupon == null ? null : coupon.code();
    }

    public boolean covers(Item item) {
        return appliesTo.covers(item);
    }

    /** What the offer discounts: everything, some products, some variants (SKUs) or some categories (by id). */
    public record AppliesTo(Scope scope, List<String> ids) {

        public static final AppliesTo EVERYTHING = new AppliesTo(Scope.ALL, List.of());

        public AppliesTo {
            Objects.requireNonNull(scope, "scope");
            ids = ids == null ? List.of() : List.copyOf(ids);
        }

        public boolean covers(Item item) {
            return switch (scope) {
                case ALL -> true;
                case PRODUCTS -> ids.contains(item.productId());
                case VARIANTS -> ids.contains(item.sku());
                case CATEGORIES -> ids.stream().anyMatch(item.categoryIds()::contains);
            };
        }
    }

    public enum Scope { ALL, PRODUCTS, VARIANTS, CATEGORIES }
}
