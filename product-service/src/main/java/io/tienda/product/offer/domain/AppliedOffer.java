package io.tienda.product.offer.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import io.tienda.platform.events.Money;

/** An offer chosen for a line, and the minor units it takes off that line. */
public record AppliedOffer(Offer offer, long amount) {

    /**
     * Orders equally good offers so that the same cart always gets the same one: the earlier end
     * (the shopper sees the offer that runs out first), then the id.
     */
    private static final Comparator<AppliedOffer> BETTER_FIRST = Comparator
            .comparingLong(AppliedOffer::amount).reversed()
            .thenComparing(applied -> applied.offer().endsAt(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(applied -> applied.offer().id());

    /**
     * The automatic offer that takes most off {@code quantity} units of {@code item}. Automatic
     * offers never stack: a line gets one of them, the best, or none when none covers it.
     */
    public static Optional<AppliedOffer> best(Collection<Offer> offers, Item item, Money unitPrice, int quantity) {
        return offers.stream()
                .filter(offer -> !offer.requiresCoupon() && offer.covers(item))
                .map(offer -> new AppliedOffer(offer, offer.discount().on(unitPrice, quantity)))
                .filter(applied -> applied.amount() > 0)
                .min(BETTER_FIRST);
    }
}
