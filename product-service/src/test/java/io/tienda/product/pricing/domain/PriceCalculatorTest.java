package io.tienda.product.pricing.domain;

import io.tienda.platform.events.Money;
import io.tienda.product.offer.domain.Coupon;
import io.tienda.product.offer.domain.Discount;
import io.tienda.product.offer.domain.Item;
import io.tienda.product.offer.domain.Offer;
import io.tienda.product.shared.domain.LocalizedText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceCalculatorTest {

    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");

    private static PricingLine line(String productId, String sku, String category, int quantity, long cents) {
        return new PricingLine(new Item(productId, sku, Set.of(category)), LocalizedText.of(sku, sku), quantity,
                Money.of(cents, "EUR"));
    }

    private static Offer automatic(String id, Discount discount, Offer.Scope scope, String... ids) {
        return new Offer(id, id, discount, new Offer.AppliesTo(scope, List.of(ids)), null, START, null, true, false,
                START, START, 0);
    }

    private static Offer coupon(String code, Discount discount, Money minimum, Offer.Scope scope, String... ids) {
        return new Offer("o-" + code, code, discount, new Offer.AppliesTo(scope, List.of(ids)),
                new Coupon(code, 100, 0, minimum, null), START, null, true, false, START, START, 0);
    }

    private static Discount percent(int value) {
        return new Discount.PercentOff(value);
    }

    private static Discount euros(long cents) {
        return new Discount.AmountOff(Money.of(cents, "EUR"));
    }

    @Test
    void withoutOffersTheTotalIsTheSubtotal() {
        Quote quote = PriceCalculator.price("EUR", List.of(line("p1", "A", "c", 2, 1_250), line("p2", "B", "c", 1, 99)),
                List.of(), null);

        assertThat(quote.subtotal()).isEqualTo(Money.of(2_599, "EUR"));
        assertThat(quote.discount()).isEqualTo(Money.of(0, "EUR"));
        assertThat(quote.total()).isEqualTo(Money.of(2_599, "EUR"));
        assertThat(quote.coupon()).isNull();
        assertThat(quote.lines().get(0).offer()).isNull();
    }

    @Test
    void eachLineGetsItsBestAutomaticOfferOnly() {
        Offer tenOnAll = automatic("all10", percent(10), Offer.Scope.ALL);
        Offer thirtyOnShoes = automatic("shoes30", percent(30), Offer.Scope.CATEGORIES, "shoes");
        Offer fiveOffSocks = automatic("socks5", euros(500), Offer.Scope.VARIANTS, "SOCKS");

        Quote quote = PriceCalculator.price("EUR", List.of(
                        line("p1", "SHOE", "shoes", 1, 10_000),
                        line("p2", "SOCKS", "clothes", 2, 800),
                        line("p3", "HAT", "clothes", 1, 2_000)),
                List.of(tenOnAll, thirtyOnShoes, fiveOffSocks), null);

        assertThat(quote.lines()).extracting(l -> l.offer().offer().id()).containsExactly("shoes30", "socks5", "all10");
        assertThat(quote.lines()).extracting(PricedLine::offerDiscount).containsExactly(3_000L, 1_000L, 200L);
        assertThat(quote.offerDiscount()).isEqualTo(Money.of(4_200, "EUR"));
        assertThat(quote.total()).isEqualTo(Money.of(13_600 - 4_200, "EUR"));
    }

    @Test
    void aFixedAmountLargerThanThePriceMakesTheLineFreeNotNegative() {
        Quote quote = PriceCalculator.price("EUR", List.of(line("p1", "PIN", "c", 3, 300)),
                List.of(automatic("big", euros(1_000), Offer.Scope.ALL)), null);

        assertThat(quote.lines().get(0).total()).isEqualTo(Money.of(0, "EUR"));
        assertThat(quote.total()).isEqualTo(Money.of(0, "EUR"));
    }

    @Test
    void aPercentageCouponAppliesOnTopOfTheAutomaticOffer() {
        Offer tenOnAll = automatic("all10", percent(10), Offer.Scope.ALL);

        Quote quote = PriceCalculator.price("EUR", List.of(line("p1", "A", "c", 1, 10_000)), List.of(tenOnAll),
                CouponCheck.usable(coupon("EXTRA", percent(20), null, Offer.Scope.ALL)));

        PricedLine priced = quote.lines().get(0);
        assertThat(priced.offerDiscount()).isEqualTo(1_000);
        assertThat(priced.couponDiscount()).isEqualTo(1_800);
        assertThat(quote.total()).isEqualTo(Money.of(7_200, "EUR"));
        assertThat(quote.coupon().applied()).isTrue();
        assertThat(quote.coupon().discount()).isEqualTo(Money.of(1_800, "EUR"));
    }

    @Test
    void aPercentageCouponRoundsHalfUpPerLine() {
        Quote quote = PriceCalculator.price("EUR", List.of(line("p1", "A", "c", 3, 333), line("p2", "B", "c", 1, 5)),
                List.of(), CouponCheck.usable(coupon("FIFTEEN", percent(15), null, Offer.Scope.ALL)));

        assertThat(quote.lines()).extracting(PricedLine::couponDiscount).containsExactly(150L, 1L);
    }

    @Test
    void aFixedCouponComesOffTheOrderOnceSpreadOverTheLinesItCovers() {
        Quote quote = PriceCalculator.price("EUR", List.of(
                        line("p1", "A", "books", 1, 3_000),
                        line("p2", "B", "books", 2, 1_000),
                        line("p3", "C", "toys", 1, 5_000)),
                List.of(), CouponCheck.usable(coupon("BOOKS10", euros(1_000), null, Offer.Scope.CATEGORIES, "books")));

        assertThat(quote.lines()).extracting(PricedLine::couponDiscount).containsExactly(600L, 400L, 0L);
        assertThat(quote.couponDiscount()).isEqualTo(Money.of(1_000, "EUR"));
    }

    @Test
    void aFixedCouponLargerThanTheCartMakesItFreeNotNegative() {
        Quote quote = PriceCalculator.price("EUR", List.of(line("p1", "A", "c", 1, 700)), List.of(),
                CouponCheck.usable(coupon("BIG", euros(5_000), null, Offer.Scope.ALL)));

        assertThat(quote.total()).isEqualTo(Money.of(0, "EUR"));
        assertThat(quote.coupon().discount()).isEqualTo(Money.of(700, "EUR"));
    }

    @Test
    void theSharesOfASpreadAddUpExactly() {
        assertThat(PriceCalculator.spread(100, new long[] {500, 500, 500})).containsExactly(34, 33, 33);
        assertThat(PriceCalculator.spread(100, new long[] {1, 1, 1})).containsExactly(1, 1, 1);
        assertThat(PriceCalculator.spread(1_000, new long[] {3_000, 2_000})).containsExactly(600, 400);
        assertThat(PriceCalculator.spread(10, new long[] {1, 2, 3})).containsExactly(1, 2, 3);
        assertThat(PriceCalculator.spread(5, new long[] {0, 0})).containsExactly(0, 0);
        long[] shares = PriceCalculator.spread(997, new long[] {333, 334, 1_000, 7});
        assertThat(shares[0] + shares[1] + shares[2] + shares[3]).isEqualTo(997);
    }

    @Test
    void theMinimumIsComparedWithTheCartAfterAutomaticOffers() {
        Offer halfOff = automatic("half", percent(50), Offer.Scope.ALL);
        Offer needsFifty = coupon("MIN50", percent(10), Money.of(5_000, "EUR"), Offer.Scope.ALL);

        Quote below = PriceCalculator.price("EUR", List.of(line("p1", "A", "c", 1, 9_000)), List.of(halfOff),
                CouponCheck.usable(needsFifty));
        Quote enough = PriceCalculator.price("EUR", List.of(line("p1", "A", "c", 1, 10_000)), List.of(halfOff),
                CouponCheck.usable(needsFifty));

        assertThat(below.coupon().applied()).isFalse();
        assertThat(below.coupon().reason()).isEqualTo(CouponOutcome.Reason.MINIMUM_NOT_MET);
        assertThat(below.couponDiscount()).isEqualTo(Money.of(0, "EUR"));
        assertThat(enough.coupon().applied()).isTrue();
        assertThat(enough.couponDiscount()).isEqualTo(Money.of(500, "EUR"));
    }

    @Test
    void aCouponForSomethingElseIsNotApplicable() {
        Quote quote = PriceCalculator.price("EUR", List.of(line("p1", "A", "toys", 1, 1_000)), List.of(),
                CouponCheck.usable(coupon("BOOKS", percent(10), null, Offer.Scope.CATEGORIES, "books")));

        assertThat(quote.coupon().applied()).isFalse();
        assertThat(quote.coupon().reason()).isEqualTo(CouponOutcome.Reason.NOT_APPLICABLE);
        assertThat(quote.total()).isEqualTo(Money.of(1_000, "EUR"));
    }

    @Test
    void aCouponOnLinesAlreadyFreeIsNotApplicable() {
        Quote quote = PriceCalculator.price("EUR", List.of(line("p1", "A", "c", 1, 1_000)),
                List.of(automatic("free", percent(100), Offer.Scope.ALL)),
                CouponCheck.usable(coupon("MORE", percent(10), null, Offer.Scope.ALL)));

        assertThat(quote.coupon().reason()).isEqualTo(CouponOutcome.Reason.NOT_APPLICABLE);
    }

    @Test
    void aRejectedCouponIsReportedAndTakesNothingOff() {
        Offer offer = coupon("OLD", percent(10), null, Offer.Scope.ALL);

        Quote quote = PriceCalculator.price("EUR", List.of(line("p1", "A", "c", 1, 1_000)), List.of(),
                CouponCheck.rejected(offer, CouponOutcome.Reason.EXPIRED));
        Quote unknown = PriceCalculator.price("EUR", List.of(line("p1", "A", "c", 1, 1_000)), List.of(),
                CouponCheck.unknown("NOPE"));

        assertThat(quote.coupon().applied()).isFalse();
        assertThat(quote.coupon().reason()).isEqualTo(CouponOutcome.Reason.EXPIRED);
        assertThat(quote.total()).isEqualTo(Money.of(1_000, "EUR"));
        assertThat(unknown.coupon().code()).isEqualTo("NOPE");
        assertThat(unknown.coupon().reason()).isEqualTo(CouponOutcome.Reason.UNKNOWN);
    }

    @Test
    void anEmptyCartCostsNothing() {
        Quote quote = PriceCalculator.price("EUR", List.of(), List.of(),
                CouponCheck.usable(coupon("ANY", percent(10), null, Offer.Scope.ALL)));

        assertThat(quote.total()).isEqualTo(Money.of(0, "EUR"));
        assertThat(quote.coupon().reason()).isEqualTo(CouponOutcome.Reason.NOT_APPLICABLE);
    }

    @Test
    void everyLineIsInTheQuoteCurrency() {
        PricingLine dollars = new PricingLine(new Item("p", "A", Set.of()), null, 1, Money.of(100, "USD"));

        assertThatThrownBy(() -> PriceCalculator.price("EUR", List.of(dollars), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
