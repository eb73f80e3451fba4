package io.tienda.product.offer.domain;

import io.tienda.platform.core.Page;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Offers as stored. */
public interface Offers {

    /** Offers live at {@code now}, most recently started first. */
    Page<Offer> liveAt(Instant now, int page, int size);

    /** Every offer, live or not, most recently started first: what staff manage. */
    Page<Offer> all(int page, int size);

    Optional<Offer> byId(String id);

    /** The offer behind a coupon code, as {@link Coupon#normalize normalized}. */
    Optional<Offer> byCouponCode(String code);

    /**
     * The automatic (coupon-free) offers live at {@code now} that cover everything, or one of the
     * products, variants or categories named.
     */
    List<Offer> automaticLiveAt(Instant now, Collection<String> productIds, Collection<String> skus,
            Collection<String> categoryIds);

    /** Stores a new offer; throws {@link CouponCodeTakenException} when another offer has its code. */
    void insert(Offer offer);

    /**
     * Replaces what staff edit of {@code previous} with {@code next}, keeping the uses of its coupon.
     * False, changing nothing, when the offer changed since {@code previous} was read, or when
     * {@code next} changes or removes a coupon code that has uses.
     */
    boolean replace(Offer previous, Offer next);

    /** Ends the offer for good but keeps it (its coupon uses and the orders that name it); false when unknown. */
    boolean deactivate(String id, Instant at);

    class CouponCodeTakenException extends RuntimeException {

        public CouponCodeTakenException(String code, Throwable cause) {
            super("coupon code " + code + " belongs to another offer", cause);
        }
    }
}
