package io.tienda.cart.pricing.domain;

import io.tienda.cart.cart.domain.PriceMemory;
import io.tienda.platform.events.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotalsTest {

    private final TaxPolicy spainIncluded = new TaxPolicy(true, "ES",
            Map.of("ES", BigDecimal.valueOf(21), "PT", BigDecimal.valueOf(23)));
    private final ShippingPolicy shipping = new ShippingPolicy(new ShippingRule(499, 5000L),
            Map.of("PT", new ShippingRule(799, null)));

    @Test
    void spanishPricesIncludeTwentyOnePercentOfVatOverGoodsAndShipping() {
        Totals totals = Totals.of("EUR", 3000, 0, 0, null, spainIncluded, shipping);

        assertThat(totals.shipping()).isEqualTo(Money.of(499, "EUR"));
        assertThat(totals.total()).isEqualTo(Money.of(3499, "EUR"));
        // 3499 * 21 / 121 = 607.26
        assertThat(totals.tax()).isEqualTo(Money.of(607, "EUR"));
        assertThat(totals.taxIncluded()).isTrue();
        assertThat(totals.country()).isEqualTo("ES");
    }

    @Test
    void shippingIsFreeFromTheThresholdOfGoodsAfterDiscounts() {
        assertThat(Totals.of("EUR", 5000, 0, 0, "ES", spainIncluded, shipping).shipping().amount()).isZero();
        Totals discounted = Totals.of("EUR", 5200, 150, 100, "ES", spainIncluded, shipping);
        assertThat(discounted.discount()).isEqualTo(Money.of(250, "EUR"));
        assertThat(discounted.shipping()).as("4950 of goods is under 5000").isEqualTo(Money.of(499, "EUR"));
        assertThat(discounted.total()).isEqualTo(Money.of(5449, "EUR"));
    }

    @Test
    void eachCountryHasItsOwnRateAndShippingRule() {
        Totals portugal = Totals.of("EUR", 10000, 0, 0, "PT", spainIncluded, shipping);

        assertThat(portugal.shipping()).as("never free to PT").isEqualTo(Money.of(799, "EUR"));
        assertThat(portugal.taxRate()).isEqualByComparingTo("23");
        // 10799 * 23 / 123 = 2019.32
        assertThat(portugal.tax()).isEqualTo(Money.of(2019, "EUR"));
    }

    @Test
    void netPricesGetTheTaxAddedOnTop() {
        TaxPolicy net = new TaxPolicy(false, "ES", Map.of("ES", BigDecimal.valueOf(21)));

        Totals totals = Totals.of("EUR", 1000, 0, 0, null, net, shipping);

        assertThat(totals.tax()).isEqualTo(Money.of(315, "EUR")); // (1000 + 499) * 0.21 = 314.79
        assertThat(totals.total()).isEqualTo(Money.of(1814, "EUR"));
    }

    @Test
    void anEmptyCartCostsNothing() {
        Totals totals = Totals.of("EUR", 0, 0, 0, null, spainIncluded, shipping);

        assertThat(totals.shipping().amount()).isZero();
        assertThat(totals.tax().amount()).isZero();
        assertThat(totals.total().amount()).isZero();
    }

    @Test
    void theShopShipsOnlyWhereItHasARateAndRefusesNonsenseRates() {
        assertThat(spainIncluded.shipsTo("pt")).isTrue();
        assertThat(spainIncluded.shipsTo("US")).isFalse();
        assertThatThrownBy(() -> new TaxPolicy(true, "ES", Map.of("ES", BigDecimal.valueOf(121))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaxPolicy(true, "FR", Map.of("ES", BigDecimal.valueOf(21))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRememberedLineIsScaledToANewQuantityNeverPromisingMoreDiscount() {
        QuotedLine line = new QuotedLine("A", 3, true, null, "p", null, true, Money.of(1000, "EUR"),
                Money.of(3000, "EUR"), "10%", Money.of(300, "EUR"), Money.of(100, "EUR"), Money.of(400, "EUR"),
                Money.of(2600, "EUR"));

        QuotedLine two = line.forQuantity(2);

        assertThat(two.subtotal()).isEqualTo(Money.of(2000, "EUR"));
        assertThat(two.offerDiscount()).isEqualTo(Money.of(200, "EUR"));
        assertThat(two.couponDiscount()).isEqualTo(Money.of(66, "EUR"));
        assertThat(two.lineTotal()).isEqualTo(Money.of(1734, "EUR"));
    }

    @Test
    void aRememberedLineKeepsItsCouponPartOnlyWhileTheCartHoldsTheCodeItWasPricedWith() {
        QuotedLine line = new QuotedLine("A", 3, true, null, "p", null, true, Money.of(1000, "EUR"),
                Money.of(3000, "EUR"), "10%", Money.of(300, "EUR"), Money.of(100, "EUR"), Money.of(400, "EUR"),
                Money.of(2600, "EUR"));
        PriceMemory memory = new PriceMemory(line, "VERANO-10", Instant.now());

        assertThat(memory.lineFor(2, "VERANO-10").couponDiscount()).isEqualTo(Money.of(66, "EUR"));
        for (String other : Arrays.asList(null, "OTRO-5")) {
            QuotedLine without = memory.lineFor(2, other);
            assertThat(without.offerDiscount()).isEqualTo(Money.of(200, "EUR"));
            assertThat(without.couponDiscount()).isEqualTo(Money.of(0, "EUR"));
            assertThat(without.discount()).isEqualTo(Money.of(200, "EUR"));
            assertThat(without.lineTotal()).isEqualTo(Money.of(1800, "EUR"));
        }
        assertThat(new PriceMemory(line, null, Instant.now()).lineFor(3, "VERANO-10").lineTotal())
                .as("priced before the coupon was applied").isEqualTo(Money.of(2700, "EUR"));
    }
}
