package io.tienda.product.offer.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The uses of coupons, kept in their offers' documents. Every method is a single-document write or
 * read, so each is atomic without transactions.
 */
public interface CouponUses {

    /**
     * Records the use in one conditional write that only succeeds while the offer is the version read,
     * live at {@code now}, below its usage limit, below its per-customer limit for the redemption's
     * customer, and not yet used by the same order. False, changing nothing, when any of those fails;
     * the caller reads again to tell which.
     *
     * @param commandId the event id of the checkout saga's command, or null for a call through the API;
     *                  a command's id is remembered in the offer's document by the same write, which
     *                  only matches while it is not remembered yet, so a command applies at most once;
     *                  a command also only matches while the order has not {@linkplain #released given a
     *                  use back}, before or after it was recorded
     */
    boolean redeem(Offer offer, Redemption redemption, Instant now, UUID commandId);

    /** Whether the offer's document remembers having applied the command {@code commandId}. */
    boolean applied(String offerId, UUID commandId);

    /** The use recorded for {@code orderId} on the offer, if any. */
    Optional<Redemption> find(String offerId, String orderId);

    /** Whether {@code customerId} has used the offer's coupon {@code times} times or more. */
    boolean usedAtLeast(String offerId, String customerId, int times);

    /**
     * Gives back the use of {@code orderId} and remembers the order as {@linkplain #released released}, in
     * one write; false, changing nothing, when there was none (already given back, or never made). A
     * {@code commandId} (null for the API) is remembered as {@link #redeem} does.
     */
    boolean release(String offerId, String orderId, UUID commandId);

    /**
     * Remembers that {@code orderId} gave its use back while none was recorded, so that its redemption
     * arriving after the release (the outbox resending one whose first send failed) is not recorded for an
     * order that is cancelled. False, changing nothing, when the order has a use now or the command was
     * applied already.
     */
    boolean releaseBeforeUse(String offerId, String orderId, UUID commandId);

    /**
     * Whether {@code orderId} gave a use of the offer back, before or after one was recorded. The recent
     * releases of each offer are kept, long enough to outlive any redelivery of their redemptions.
     */
    boolean released(String offerId, String orderId);
}
