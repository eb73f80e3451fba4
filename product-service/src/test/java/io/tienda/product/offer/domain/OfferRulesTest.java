package io.tienda.product.offer.domain;

import io.tienda.platform.events.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfferRulesTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    private static OfferDraft draft(String kind, Integer percent, Money amount, Offer.Scope scope, List<String> ids,
            Instant starts, Instant ends, String code) {
        return new OfferDraft("Summer", kind, percent, amount, scope, ids, starts, ends, true, false, code, null,
                null, null);
    }

    private static List<String> fields(OfferDraft draft) {
        return draft.violations().stream().map(Violation::field).toList();
    }

    @Test
    void aCleanDraftBecomesAnOffer() {
        OfferDraft draft = new OfferDraft("  Verano  ", "PERCENT", 15, null, Offer.Scope.CATEGORIES, List.of("c-1"),
                NOW, NOW.plusSeconds(3600), true, true, " verano-10 ", 100, Money.of(5_000, "EUR"), 1);

        assertThat(draft.violations()).isEmpty();
        Offer offer = draft.toOffer("o-1", 3, NOW, NOW, 0);
        assertThat(offer.name()).isEqualTo("Verano");
        assertThat(offer.discount()).isEqualTo(new Discount.PercentOff(15));
        assertThat(offer.coupon()).isEqualTo(new Coupon("VERANO-10", 100, 3, Money.of(5_000, "EUR"), 1));
    }

    @Test
    void everyBrokenRuleIsListedAtOnce() {
        OfferDraft draft = draft("PERCENT", 0, Money.of(1, "EUR"), Offer.Scope.ALL, List.of("x"), NOW,
                NOW.minusSeconds(1), "no spaces");

        assertThat(fields(draft)).containsExactly("percentOff", "amountOff", "targetIds", "endsAt", "coupon.code");
    }

    @Test
    void aFixedOfferTakesAPositiveAmountOfEuros() {
        assertThat(fields(draft("FIXED", null, Money.of(0, "EUR"), Offer.Scope.ALL, List.of(), NOW, null, null)))
                .containsExactly("amountOff");
        assertThat(fields(draft("FIXED", null, Money.of(500, "USD"), Offer.Scope.ALL, List.of(), NOW, null, null)))
                .containsExactly("amountOff.currency");
        assertThat(fields(draft("FIXED", 10, Money.of(500, "EUR"), Offer.Scope.ALL, List.of(), NOW, null, null)))
                .containsExactly("percentOff");
    }

    @Test
    void theKindIsPercentOrFixed() {
        assertThat(fields(draft("BOGO", null, null, Offer.Scope.ALL, List.of(), NOW, null, null)))
                .containsExactly("kind");
    }

    @Test
    void targetedOffersNameTheirTargetsOnce() {
        assertThat(fields(draft("PERCENT", 10, null, Offer.Scope.PRODUCTS, List.of(), NOW, null, null)))
                .containsExactly("targetIds");
        assertThat(fields(draft("PERCENT", 10, null, Offer.Scope.VARIANTS, List.of("A", "A"), NOW, null, null)))
                .containsExactly("targetIds");
    }

    @Test
    void theWindowEndsAfterItStarts() {
        assertThat(fields(draft("PERCENT", 10, null, Offer.Scope.ALL, List.of(), NOW, NOW, null)))
                .containsExactly("endsAt");
        assertThat(fields(draft("PERCENT", 10, null, Offer.Scope.ALL, List.of(), null, null, null)))
                .containsExactly("startsAt");
    }

    @Test
    void couponLimitsAreBounded() {
        OfferDraft draft = new OfferDraft("x", "PERCENT", 10, null, Offer.Scope.ALL, List.of(), NOW, null, true,
                false, "OK-CODE", 0, Money.of(100, "GBP"), 101);

        assertThat(fields(draft)).containsExactly("coupon.usageLimit", "coupon.perCustomerLimit",
                "coupon.minimumOrder.currency");
    }

    @Test
    void couponCodesAreComparedInCapitals() {
        assertThat(Coupon.normalize(" verano-10\t")).isEqualTo("VERANO-10");
        assertThat(Coupon.CODE.matcher("AB").matches()).isFalse();
        assertThat(Coupon.CODE.matcher("A".repeat(33)).matches()).isFalse();
        assertThat(Coupon.CODE.matcher("BLACK-FRIDAY-2025").matches()).isTrue();
        assertThat(Coupon.CODE.matcher("NO_UNDERSCORE").matches()).isFalse();
    }

    @Test
    void aCouponIsExhaustedAtItsLimitAndNeverBeyondTheHardCap() {
        assertThat(new Coupon("TEN", 10, 9, null, null).exhausted()).isFalse();
        assertThat(new Coupon("TEN", 10, 10, null, null).exhausted()).isTrue();
        assertThat(new Coupon("ANY", null, Coupon.MAX_USES - 1, null, null).exhausted()).isFalse();
        assertThat(new Coupon("ANY", null, Coupon.MAX_USES, null, null).exhausted()).isTrue();
    }

    @Test
    void theMinimumOrderIsReachedAtExactlyItsAmount() {
        Coupon coupon = new Coupon("MIN", null, 0, Money.of(5_000, "EUR"), null);

        assertThat(coupon.minimumMetBy(Money.of(4_999, "EUR"))).isFalse();
        assertThat(coupon.minimumMetBy(Money.of(5_000, "EUR"))).isTrue();
        assertThat(coupon.minimumMetBy(Money.of(9_000, "USD"))).isFalse();
        assertThat(new Coupon("NOMIN", null, 0, null, null).minimumMetBy(Money.of(0, "EUR"))).isTrue();
    }
}
