package io.tienda.product.pricing.domain;

import io.tienda.platform.events.Money;
import io.tienda.product.offer.domain.AppliedOffer;
import io.tienda.product.offer.domain.Discount;
import io.tienda.product.offer.domain.Offer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Prices a cart. The rules, in order:
 * <ol>
 * <li>Each line gets the one automatic offer that takes most off it; automatic offers never stack.
 * A percentage is rounded half-up once per line; a fixed amount comes off each unit, down to zero.</li>
 * <li>A coupon applies <em>on top</em>, to what is left of the lines it covers: a percentage of each
 * such line (half-up per line), or a fixed amount off the order once, spread over those lines in
 * proportion to what is left of them (largest remainder, so the shares add up exactly and none
 * exceeds its line).</li>
 * <li>The coupon's minimum order is compared with the whole cart after automatic offers.</li>
 * <li>Nothing is ever below zero, and every amount is in the quote's one currency.</li>
 * </ol>
 */
public final class PriceCalculator {

    private PriceCalculator() {
    }

    /**
     * @param automatic automatic offers live now; offers that do not cover a line are ignored for it
     * @param coupon    null when the shopper gave no code
     */
    public static Quote price(String currency, List<PricingLine> lines, Collection<Offer> automatic,
            CouponCheck coupon) {
        int count = lines.size();
        AppliedOffer[] offers = new AppliedOffer[count];
        long[] left = new long[count];
        for (int i = 0; i < count; i++) {
            PricingLine line = lines.get(i);
            if (!currency.equals(line.unitPrice().currency())) {
                throw new IllegalArgumentException("line " + line.item().sku() + " is priced in "
                        + line.unitPrice().currency() + ", the quote in " + currency);
            }
            offers[i] = AppliedOffer.best(automatic, line.item(), line.unitPrice(), line.quantity())
                    .map(best -> new AppliedOffer(best.offer(), Math.min(best.amount(), line.subtotal())))
                    .orElse(null);
            left[i] = line.subtotal() - (offers[i] == null ? 0 : offers[i].amount());
        }
        long[] couponOff = new long[count];
        CouponOutcome outcome = coupon == null ? null : applyCoupon(currency, lines, left, coupon, couponOff);
        List<PricedLine> priced = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            priced.add(new PricedLine(lines.get(i), offers[i], couponOff[i]));
        }
        return new Quote(currency, priced, outcome);
    }

    /** Fills {@code couponOff} when the coupon applies, and says whether it did. */
    private static CouponOutcome applyCoupon(String currency, List<PricingLine> lines, long[] left, CouponCheck check,
            long[] couponOff) {
        Offer offer = check.offer();
        if (check.rejection() != null) {
            return CouponOutcome.refused(check.code(), offer, check.rejection());
        }
        int[] covered = IntStream.range(0, lines.size())
                .filter(i -> left[i] > 0 && offer.covers(lines.get(i).item())).toArray();
        if (covered.length == 0) {
            return CouponOutcome.refused(check.code(), offer, CouponOutcome.Reason.NOT_APPLICABLE);
        }
        long afterOffers = 0;
        for (long amount : left) {
            afterOffers += amount;
        }
        if (!offer.coupon().minimumMetBy(Money.of(afterOffers, currency))) {
            return CouponOutcome.refused(check.code(), offer, CouponOutcome.Reason.MINIMUM_NOT_MET);
        }
        long[] shares;
        if (offer.discount() instanceof Discount.PercentOff percent) {
            shares = IntStream.of(covered).mapToLong(i -> percent.of(left[i])).toArray();
        } else if (offer.discount() instanceof Discount.AmountOff amount
                && amount.amount().currency().equals(currency)) {
            shares = spread(amount.amount().amount(), IntStream.of(covered).mapToLong(i -> left[i]).toArray());
        } else {
            shares = new long[covered.length];
        }
        long total = 0;
        for (int k = 0; k < covered.length; k++) {
            couponOff[covered[k]] = shares[k];
            total += shares[k];
        }
        if (total == 0) {
            return CouponOutcome.refused(check.code(), offer, CouponOutcome.Reason.NOT_APPLICABLE);
        }
        return new CouponOutcome(check.code(), true, null, offer, Money.of(total, currency));
    }

    /**
     * Splits {@code amount} (capped at the sum of {@code weights}) over the weights in proportion to
     * them: each gets the floor of its exact share, and the minor units left over go one each to the
     * largest remainders, earlier lines first on ties. Shares add up to the amount and none exceeds
     * its weight.
     */
    static long[] spread(long amount, long[] weights) {
        long sum = 0;
        for (long weight : weights) {
            sum = Math.addExact(sum, weight);
        }
        long[] shares = new long[weights.length];
        if (sum == 0) {
            return shares;
        }
        BigInteger total = BigInteger.valueOf(Math.min(amount, sum));
        BigInteger divisor = BigInteger.valueOf(sum);
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] split = total.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(divisor);
            shares[i] = split[0].longValueExact();
            remainders[i] = split[1].longValueExact();
            given += shares[i];
        }
        long leftOver = total.longValueExact() - given;
        Integer[] order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> remainders[i]).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toArray(Integer[]::new);
        for (int k = 0; k < leftOver; k++) {
            shares[order[k]]++;
        }
        return shares;
    }
}
