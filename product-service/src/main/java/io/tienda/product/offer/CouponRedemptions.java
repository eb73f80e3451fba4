package io.tienda.product.offer;

import io.tienda.platform.events.Money;
import io.tienda.platform.problem.DomainException;
import io.tienda.product.offer.domain.Coupon;
import io.tienda.product.offer.domain.CouponUses;
import io.tienda.product.offer.domain.Offer;
import io.tienda.product.offer.domain.Offers;
import io.tienda.product.offer.domain.Redemption;
import io.tienda.product.offer.domain.Violation;
import io.tienda.product.shared.domain.Shop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Coupon uses at checkout: an order redeems a code once, however often the checkout repeats the call,
 * and a cancelled order gives the use back. Uses come from the order flow only: the checkout saga's
 * commands ({@code product.redeem_coupon}, {@code product.release_coupon}) for the order they name, or
 * staff correcting a use by hand. A shopper never records or gives back a use: with a call of their own
 * they could give back the use of a confirmed order and spend the coupon again, or burn its uses with
 * orders that do not exist.
 */
@Service
public class CouponRedemptions {

    private static final Logger log = LoggerFactory.getLogger(CouponRedemptions.class);

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

    /** Who asks: a member of staff, or the checkout saga; anyone else is refused. */
    public record Caller(String id, boolean staff) {

        public Caller {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The use, and whether it was made by an earlier call for the same order. */
    public record Outcome(Offer offer, Redemption redemption, boolean replayed) {
    }

    /** What a command of the checkout saga did. */
    public enum Applied {
        /** The use was recorded, or given back, now. */
        APPLIED,
        /** Nothing to do: an earlier delivery did it, or (a give-back) there is no use. */
        ALREADY_DONE,
        /** The coupon cannot take the use (exhausted, expired, minimum not met, unknown); nothing recorded. */
        REFUSED
    }

    public Outcome redeem(String code, String orderId, String customerId, Money orderTotal, Caller caller) {
        requireStaff(caller);
        requireShopMoney(orderTotal);
        String normalized = Coupon.normalize(code);
        Outcome outcome = record(normalized, orderId, customerId, orderTotal, null);
        if (outcome == null) {
            throw changing(normalized);
        }
        return outcome;
    }

    /**
     * {@code product.redeem_coupon}: the order, already confirmed with the discount, uses the coupon.
     * Idempotent by order (a repeat, or the same command delivered again after the use was given back,
     * however much later, or arriving after the order's release overtook it, changes nothing). A coupon that can no longer take the use is logged and nothing is recorded: the
     * command cannot succeed later, and the shopper keeps the discount they were shown.
     *
     * @param commandId the command's event id, remembered in the offer's document with the use
     */
    public Applied redeemForCheckout(UUID commandId, String code, String orderId, String customerId,
            Money orderTotal) {
        Objects.requireNonNull(commandId, "commandId");
        String normalized = Coupon.normalize(code);
        Outcome outcome;
        try {
            requireShopMoney(orderTotal);
            outcome = record(normalized, orderId, customerId, orderTotal, commandId);
        } catch (DomainException refused) {
            log.warn("coupon {} not redeemed for order {}: {} ({}); the order keeps its discount, nothing recorded",
                    normalized, orderId, refused.getMessage(), refused.type());
            return Applied.REFUSED;
        }
        if (outcome == null) {
            // staff edits or racing checkouts kept moving the offer: worth another delivery
            throw new IllegalStateException("coupon " + normalized + " kept changing while order " + orderId
                    + " redeemed it");
        }
        return outcome.replayed() ? Applied.ALREADY_DONE : Applied.APPLIED;
    }

    /**
     * {@code product.release_coupon}: a cancelled order gives its use back. Idempotent: nothing is given
     * back when there is no use (given back already, never made, or the coupon is unknown). Every release
     * is remembered, though, with a use or without: the outbox keeps the order of one transaction's
     * messages, not of two, so the order's redemption may still be on its way (its first send failed and is
     * resubmitted), and a redemption already applied may be delivered again after the offer has forgotten
     * its event id (it keeps only the last few hundred); neither may take a use for an order that is
     * cancelled.
     */
    public Applied releaseForCheckout(UUID commandId, String code, String orderId) {
        Objects.requireNonNull(commandId, "commandId");
        String normalized = Coupon.normalize(code);
        Optional<Offer> offer = offers.byCouponCode(normalized);
        if (offer.isEmpty()) {
            log.warn("coupon {} of order {} is unknown; there is no use to give back", normalized, orderId);
            return Applied.ALREADY_DONE;
        }
        String offerId = offer.get().id();
        if (uses.release(offerId, orderId, commandId)) {
            return Applied.APPLIED;
        }
        if (uses.releaseBeforeUse(offerId, orderId, commandId)) {
            log.info("coupon {}: order {} gave its use back before one was recorded; a later redemption of "
                    + "that order will not count", normalized, orderId);
        }
        return Applied.ALREADY_DONE;
    }

    /**
     * Records the use unless the order has one already; throws the coupon's refusal. Null when the
     * conditional write kept missing because the offer kept changing.
     */
    private Outcome record(String normalized, String orderId, String customer, Money orderTotal, UUID commandId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Offer offer = offer(normalized);
            Optional<Redemption> earlier = uses.find(offer.id(), orderId);
            if (earlier.isPresent()) {
                return new Outcome(offer, earlier.get(), true);
            }
            if (commandId != null && uses.applied(offer.id(), commandId)) {
                // this very command was applied, and the use given back since: it must not count again
                return new Outcome(offer, null, true);
            }
            if (commandId != null && uses.released(offer.id(), orderId)) {
                // the order was cancelled: its release overtook this redemption, or this is a copy delivered
                // again after the use was given back
                log.info("coupon {}: order {} gave its use back before this redemption arrived; nothing recorded",
                        normalized, orderId);
                return new Outcome(offer, null, true);
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
            if (uses.redeem(offer, redemption, now, commandId)) {
                return new Outcome(offer, redemption, false);
            }
        }
        return null;
    }

    private static void requireShopMoney(Money orderTotal) {
        if (!Shop.CURRENCY.equals(orderTotal.currency()) || orderTotal.amount() < 0) {
            throw OfferProblems.invalid(List.of(new Violation("orderTotal",
                    "must be a non-negative amount in " + Shop.CURRENCY)));
        }
    }

    private static DomainException changing(String code) {
        return DomainException.conflict("The coupon " + code + " is changing; try again");
    }

    /**
     * Staff give the use of {@code orderId} back, e.g. for an order cancelled outside the checkout;
     * nothing happens when there is none (any more).
     */
    public void release(String code, String orderId, Caller caller) {
        requireStaff(caller);
        Offer offer = offer(Coupon.normalize(code));
        if (uses.find(offer.id(), orderId).isPresent()) {
            uses.release(offer.id(), orderId, null);
        }
    }

    private Offer offer(String code) {
        return offers.byCouponCode(code).orElseThrow(() -> DomainException.notFound("coupon", code));
    }

    /**
     * The HTTP routes are for staff already; this keeps any other caller of the service from acting for a
     * shopper, whose own call could give back the use of a confirmed order.
     */
    private static void requireStaff(Caller caller) {
        if (!caller.staff()) {
            throw DomainException.forbidden("Coupon uses come from the checkout; only staff record or give them back");
        }
    }
}
