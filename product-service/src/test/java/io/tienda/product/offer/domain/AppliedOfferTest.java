package io.tienda.product.offer.domain;

import io.tienda.platform.events.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedOfferTest {

    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
    private static final Money PRICE = Money.of(10_000, "EUR");
    private static final Item PHONE = new Item("p-phone", "PHONE-BLACK", Set.of("c-electronics", "c-phones"));

    static Offer offer(String id, Discount discount, Offer.Scope scope, List<String> ids, Instant endsAt) {
        return new Offer(id, "offer " + id, discount, new Offer.AppliesTo(scope, ids), null, START, endsAt, true,
                false, START, START, 0);
    }

    static Offer percent(String id, int percent, Offer.Scope scope, String... ids) {
        return offer(id, new Discount.PercentOff(percent), scope, List.of(ids), null);
    }

    @Test
    void theBiggestDiscountWinsAndOffersNeverStack() {
        Offer everything = percent("o-all", 10, Offer.Scope.ALL);
        Offer category = percent("o-cat", 25, Offer.Scope.CATEGORIES, "c-electronics");
        Offer fixed = offer("o-fixed", new Discount.AmountOff(Money.of(2_000, "EUR")), Offer.Scope.PRODUCTS,
                List.of("p-phone"), null);

        AppliedOffer best = AppliedOffer.best(List.of(everything, category, fixed), PHONE, PRICE, 2).orElseThrow();

        assertThat(best.offer().id()).isEqualTo("o-cat");
        assertThat(best.amount()).isEqualTo(5_000);
    }

    @Test
    void aFixedAmountWinsWhenItTakesMoreOff() {
        Offer everything = percent("o-all", 10, Offer.Scope.ALL);
        Offer fixed = offer("o-fixed", new Discount.AmountOff(Money.of(2_000, "EUR")), Offer.Scope.VARIANTS,
                List.of("PHONE-BLACK"), null);

        AppliedOffer best = AppliedOffer.best(List.of(everything, fixed), PHONE, PRICE, 3).orElseThrow();

        assertThat(best.offer().id()).isEqualTo("o-fixed");
        assertThat(best.amount()).isEqualTo(6_000);
    }

    @Test
    void offersCoverTheirScopeOnly() {
        assertThat(percent("a", 5, Offer.Scope.ALL).covers(PHONE)).isTrue();
        assertThat(percent("p", 5, Offer.Scope.PRODUCTS, "p-phone").covers(PHONE)).isTrue();
        assertThat(percent("p", 5, Offer.Scope.PRODUCTS, "p-other").covers(PHONE)).isFalse();
        assertThat(percent("v", 5, Offer.Scope.VARIANTS, "PHONE-BLACK").covers(PHONE)).isTrue();
        assertThat(percent("v", 5, Offer.Scope.VARIANTS, "PHONE-WHITE").covers(PHONE)).isFalse();
        assertThat(percent("v", 5, Offer.Scope.VARIANTS, "p-phone").covers(PHONE)).isFalse();
        assertThat(percent("c", 5, Offer.Scope.CATEGORIES, "c-electronics").covers(PHONE)).isTrue();
        assertThat(percent("c", 5, Offer.Scope.CATEGORIES, "c-garden").covers(PHONE)).isFalse();
    }

    @Test
    void noOfferForALineNothingCovers() {
        assertThat(AppliedOffer.best(List.of(percent("o", 50, Offer.Scope.PRODUCTS, "p-other")), PHONE, PRICE, 1))
                .isEmpty();
    }

    @Test
    void couponOffersAreNotAutomatic() {
        Offer coupon = new Offer("o-coupon", "coupon", new Discount.PercentOff(50), Offer.AppliesTo.EVERYTHING,
                new Coupon("HALF", null, 0, null, null), START, null, true, false, START, START, 0);

        assertThat(AppliedOffer.best(List.of(coupon), PHONE, PRICE, 1)).isEmpty();
    }

    @Test
    void equalDiscountsPreferTheOfferEndingFirstThenTheId() {
        Offer later = offer("o-a", new Discount.PercentOff(20), Offer.Scope.ALL, List.of(),
                START.plusSeconds(86_400 * 10));
        Offer sooner = offer("o-b", new Discount.PercentOff(20), Offer.Scope.ALL, List.of(),
                START.plusSeconds(86_400));
        Offer openEnded = offer("o-0", new Discount.PercentOff(20), Offer.Scope.ALL, List.of(), null);

        assertThat(AppliedOffer.best(List.of(later, openEnded, sooner), PHONE, PRICE, 1).orElseThrow().offer().id())
                .isEqualTo("o-b");
        assertThat(AppliedOffer.best(List.of(openEnded, percent("o-z", 20, Offer.Scope.ALL)), PHONE, PRICE, 1)
                .orElseThrow().offer().id()).isEqualTo("o-0");
    }

    @Test
    void anOfferIsLiveInsideItsWindowWhileActive() {
        Offer offer = offer("o", new Discount.PercentOff(5), Offer.Scope.ALL, List.of(), START.plusSeconds(60));

        assertThat(offer.isLiveAt(START.minusSeconds(1))).isFalse();
        assertThat(offer.isLiveAt(START)).isTrue();
        assertThat(offer.isLiveAt(START.plusSeconds(59))).isTrue();
        assertThat(offer.isLiveAt(START.plusSeconds(60))).isFalse();
    }
}
