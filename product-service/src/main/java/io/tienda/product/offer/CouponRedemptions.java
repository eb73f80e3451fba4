package io.tienda.product.offer;

import io.tienda.platform.events.Money;
import io.tienda.platform.problem.DomainException;
import io.tienda.product.offer.domain.Coupon;
import io.tienda.product.offer.domain.CouponUses;
import io.tienda.product.offer.domain.Offer;
import io.tienda.product.offer.domain.Offers;
import io.tienda.product.offer.domain.Redemption;
import io.tienda.product.offer.domain.Violation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Coupon uses at checkout: an order redeems a code once, however often the checkout repeats the call,
 * and a cancelled order gives the use back. Customers act for their own orders; staff for anyone's.
 */
@Service
public class CouponRedemptions {

    /**
     * A conditional write fails only when the limits are reached (found on the next read) or staff
     * edited the offer in between; a few rounds settle either.
     */
    private static final int ATTEMPTS = 5;

    private final Offers offers;
    private final CouponUses uses;
    private final Clock clock;

    CouponRedemptions(Offers offers, CouponUses uses, Clock clock) {
        this.offers = offers;
        this.uses = uses;
        this.clock = clock;
    }

    /** Who asks: a customer (for their own orders) or a member of staff. */
    public record Caller(String id, boolean staff) {

        public Caller {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The use, and whether it was made by an earlier call for the same order. */
    public record Outcome(Offer offer, Redemption redemption, boolean replayed) {
    }

    public Outcome redeem(String code, String orderId, String customerId, Money orderTotal, Caller caller) {
        if (!Offer.SHOP_CURRENCY.equals(orderTotal.currency()) || orderTotal.amount() < 0) {
            throw OfferProblems.invalid(List.of(new Violation("orderTotal",
                    "must be a non-negative amount in " + Offer.SHOP_CURRENCY)));
        }
        String normalized = Coupon.normalize(code);
        String customer = caller.staff() ? customerId : caller.id();
        if (!caller.staff() && customerId != null && !customerId.equals(caller.id())) {
            throw DomainException.forbidden("Customers redeem coupons for their own orders only");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Offer offer = offer(normalized);
            Optional<Redemption> earlier = uses.find(offer.id(), orderId);
            if (earlier.isPresent()) {
                requireReachable(earlier.get(), caller, orderId);
                return new Outcome(offer, earlier.get(), true);
            }
            Instant now = clock.instant();
            if (!offer.isLiveAt(now)) {
                throw OfferProblems.expired(normalized);
            }
            Coupon coupon = offer.coupon();
            if (!coupon.minimumMetBy(orderTotal)) {
                throw OfferProblems.minimumNotMet(normalized);
            }
            if (coupon.exhausted()) {
                throw OfferProblems.exhausted(normalized, "Every use of the coupon is taken");
            }
            if (customer != null && coupon.perCustomerLimit() != null
                    && uses.usedAtLeast(offer.id(), customer, coupon.perCustomerLimit())) {
                throw OfferProblems.exhausted(normalized, "The customer has used the coupon as often as it allows");
            }
            Redemption redemption = new Redemption(orderId, customer, orderTotal, now);
            if (uses.redeem(offer, redemption, now)) {
                return new Outcome(offer, redemption, false);
            }
        }
        throw DomainException.conflict("The coupon " + normalized + " is changing; try again");
    }

    /** Gives the use of {@code orderId} back; nothing happens when there is none (any more). */
    public void release(String code, String orderId, Caller caller) {
        Offer offer = offer(Coupon.normalize(code));
        Optional<Redemption> use = uses.find(offer.id(), orderId);
        if (use.isEmpty()) {
            return;
        }
        requireReachable(use.get(), caller, orderId);
        uses.release(offer.id(), orderId);
    }

    private Offer offer(String code) {
        return offers.byCouponCode(code).orElseThrow(() -> DomainException.notFound("coupon", code));
    }

    /** Another customer's use is not there as far as this caller can tell. */
    private static void requireReachable(Redemption redemption, Caller caller, String orderId) {
        if (!caller.staff() && !caller.id().equals(redemption.customerId())) {
            throw DomainException.notFound("redemption for order", orderId);
        }
    }
}
