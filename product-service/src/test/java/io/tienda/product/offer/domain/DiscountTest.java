package io.tienda.product.offer.domain;

import io.tienda.platform.events.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscountTest {

    private static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }

    @ParameterizedTest(name = "{1} x {0} at {2}% -> {3}")
    @CsvSource({
            "999, 1, 15, 150",    // 149.85 rounds up
            "333, 3, 15, 150",    // rounded once over the line: 149.85, not 3 x 49.95 rounded
            "99, 10, 15, 149",    // 148.5 rounds half-up
            "1000, 1, 15, 150",
            "10, 1, 5, 1",        // 0.5 rounds up
            "9, 1, 5, 0",         // 0.45 rounds down
            "1999, 2, 100, 3998",
            "0, 4, 50, 0"})
    void aPercentageIsRoundedHalfUpOncePerLine(long unit, int quantity, int percent, long expected) {
        assertThat(new Discount.PercentOff(percent).on(eur(unit), quantity)).isEqualTo(expected);
    }

    @Test
    void halfUpRoundsExactHalvesUp() {
        Discount.PercentOff tenPercent = new Discount.PercentOff(10);
        assertThat(tenPercent.of(5)).isEqualTo(1);
        assertThat(tenPercent.of(4)).isEqualTo(0);
        assertThat(tenPercent.of(15)).isEqualTo(2);
        assertThat(tenPercent.of(25)).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 101})
    void aPercentageIsOneToAHundred(int percent) {
        assertThatThrownBy(() -> new Discount.PercentOff(percent)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFixedAmountComesOffEachUnit() {
        assertThat(new Discount.AmountOff(eur(500)).on(eur(2000), 3)).isEqualTo(1500);
    }

    @Test
    void aFixedAmountNeverMakesAUnitNegative() {
        assertThat(new Discount.AmountOff(eur(500)).on(eur(300), 2)).isEqualTo(600);
    }

    @Test
    void aFixedAmountInAnotherCurrencyTakesNothingOff() {
        assertThat(new Discount.AmountOff(Money.of(500, "USD")).on(eur(2000), 1)).isZero();
    }

    @Test
    void aFixedAmountIsPositive() {
        assertThatThrownBy(() -> new Discount.AmountOff(eur(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Discount.AmountOff(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
