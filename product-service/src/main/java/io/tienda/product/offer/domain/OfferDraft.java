package io.tienda.product.offer.domain;

import io.tienda.platform.events.Money;
import io.tienda.product.shared.domain.Shop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * An offer as staff describe it, before it is checked: {@link #violations()} lists every rule it
 * breaks at once, so a form can show them all, and {@link #toOffer} builds the offer from a clean draft.
 * {@code kind} is {@code PERCENT} with {@code percentOff}, or {@code FIXED} with {@code amountOff}.
 */
public record OfferDraft(String name, String kind, Integer percentOff, Money amountOff, Offer.Scope scope,
        List<String> targetIds, Instant startsAt, Instant endsAt, boolean active, boolean featured,
        String couponCode, Integer usageLimit, Money minimumOrder, Integer perCustomerLimit) {

    public static final String PERCENT = "PERCENT";
    public static final String FIXED = "FIXED";
    public static final int MAX_TARGETS = 100;

    public OfferDraft {
        targetIds = targetIds == null ? List.of() : List.copyOf(targetIds);
        couponCode = Coupon.normalize(couponCode);
    }

    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank()) {
            violations.add(new Violation("name", "must not be blank"));
        }
        if (PERCENT.equals(kind)) {
            if (percentOff == null || percentOff < 1 || percentOff > 100) {
                violations.add(new Violation("percentOff", "a percentage offer takes 1 to 100 percent off"));
            }
            if (amountOff != null) {
                violations.add(new Violation("amountOff", "a percentage offer has no fixed amount"));
            }
        } else if (FIXED.equals(kind)) {
            if (amountOff == null || amountOff.amount() <= 0) {
                violations.add(new Violation("amountOff", "a fixed offer takes a positive amount off"));
            } else if (!Shop.CURRENCY.equals(amountOff.currency())) {
                violations.add(new Violation("amountOff.currency", "must be " + Shop.CURRENCY));
            }
            if (percentOff != null) {
                violations.add(new Violation("percentOff", "a fixed offer has no percentage"));
            }
        } else {
            violations.add(new Violation("kind", "must be PERCENT or FIXED"));
        }
        if (scope == null) {
            violations.add(new Violation("appliesTo", "must be ALL, PRODUCTS, VARIANTS or CATEGORIES"));
        } else if (scope == Offer.Scope.ALL && !targetIds.isEmpty()) {
            violations.add(new Violation("targetIds", "an offer on everything names no targets"));
        } else if (scope != Offer.Scope.ALL && targetIds.isEmpty()) {
            violations.add(new Violation("targetIds", "name the " + scope.name().toLowerCase() + " the offer is on"));
        } else if (targetIds.size() > MAX_TARGETS) {
            violations.add(new Violation("targetIds", "at most " + MAX_TARGETS + " targets"));
        } else if (new HashSet<>(targetIds).size() != targetIds.size()) {
            violations.add(new Violation("targetIds", "must not repeat an id"));
        }
        if (startsAt == null) {
            violations.add(new Violation("startsAt", "must be given"));
        } else if (endsAt != null && !endsAt.isAfter(startsAt)) {
            violations.add(new Violation("endsAt", "must be after startsAt"));
        }
        if (couponCode != null) {
            if (!Coupon.CODE.matcher(couponCode).matches()) {
                violations.add(new Violation("coupon.code", "must be 3 to 32 letters, digits or '-'"));
            }
            if (usageLimit != null && (usageLimit < 1 || usageLimit > Coupon.MAX_USES)) {
                violations.add(new Violation("coupon.usageLimit", "must be 1 to " + Coupon.MAX_USES));
            }
            if (perCustomerLimit != null && (perCustomerLimit < 1 || perCustomerLimit > Coupon.MAX_PER_CUSTOMER)) {
                violations.add(new Violation("coupon.perCustomerLimit", "must be 1 to " + Coupon.MAX_PER_CUSTOMER));
            }
            if (minimumOrder != null && minimumOrder.amount() < 0) {
                violations.add(new Violation("coupon.minimumOrder", "must not be negative"));
            } else if (minimumOrder != null && !Shop.CURRENCY.equals(minimumOrder.currency())) {
                violations.add(new Violation("coupon.minimumOrder.currency", "must be " + Shop.CURRENCY));
            }
        }
        return violations;
    }

    /** The offer this draft describes; {@code used} carries the uses an edited coupon already has. */
    public Offer toOffer(String id, int used, Instant createdAt, Instant updatedAt, long version) {
        List<Violation> violations = violations();
        if (!violations.isEmpty()) {
            throw new IllegalStateException("a draft with violations is not an offer: " + violations);
        }
        Discount discount = PERCENT.equals(kind) ? new Discount.PercentOff(percentOff)
                : new Discount.AmountOff(amountOff);
        Coupon coupon = couponCode == null ? null
                : new Coupon(couponCode, usageLimit, used, minimumOrder, perCustomerLimit);
        return new Offer(id, name.strip(), discount, new Offer.AppliesTo(scope, targetIds), coupon, startsAt, endsAt,
                active, featured, createdAt, updatedAt, version);
    }
}
