package io.tienda.inventory.forecast.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DemandForecasterTest {

    static final ForecastParameters PARAMETERS = new ForecastParameters(0.3, 0.1, 7, 1.65, 14);

    static int[] constant(int days, int perDay) {
        int[] sales = new int[days];
        Arrays.fill(sales, perDay);
        return sales;
    }

    @Test
    void withoutAnySalesNothingIsForecastOrSuggested() {
        for (int[] history : new int[][] {new int[0], new int[30]}) {
            Forecast forecast = DemandForecaster.forecast(history, 12, PARAMETERS);

            assertThat(forecast.method()).isEqualTo(Forecast.Method.NONE);
            assertThat(forecast.historyDays()).isEqualTo(history.length);
            assertThat(forecast.dailyForecast()).isZero();
            assertThat(forecast.nextDays()).hasSize(7).containsOnly(0.0);
            assertThat(forecast.suggestedReorderQuantity()).isZero();
            assertThat(forecast.daysOfCover()).as("never runs out").isNull();
        }
        assertThat(DemandForecaster.forecast(new int[0], 0, PARAMETERS).daysOfCover()).isZero();
    }

    @Test
    void constantDemandIsForecastExactlyWithNoSafetyStock() {
        Forecast forecast = DemandForecaster.forecast(constant(28, 10), 30, PARAMETERS);

        assertThat(forecast.method()).isEqualTo(Forecast.Method.HOLT);
        assertThat(forecast.dailyForecast()).isCloseTo(10, within(1e-6));
        assertThat(forecast.nextDays()).allSatisfy(d -> assertThat(d).isCloseTo(10, within(1e-6)));
        assertThat(forecast.leadTimeDemand()).isCloseTo(70, within(1e-6));
        assertThat(forecast.safetyStock()).isCloseTo(0, within(1e-6));
        assertThat(forecast.suggestedReorderQuantity()).as("70 over the lead time - 30 available").isEqualTo(40);
        assertThat(forecast.daysOfCover()).isCloseTo(3.0, within(1e-6));
    }

    @Test
    void aLinearTrendIsFollowedIntoTheFuture() {
        int[] sales = new int[30];
        for (int day = 0; day < sales.length; day++) {
            sales[day] = 5 + 2 * day;
        }

        Forecast forecast = DemandForecaster.forecast(sales, 0, PARAMETERS);

        assertThat(forecast.method()).isEqualTo(Forecast.Method.HOLT);
        assertThat(forecast.dailyForecast()).as("day 30 of 5 + 2t").isCloseTo(65, within(1e-6));
        for (int h = 0; h < 7; h++) {
            assertThat(forecast.nextDays().get(h)).isCloseTo(65 + 2 * h, within(1e-6));
        }
        assertThat(forecast.leadTimeDemand()).isCloseTo(497, within(1e-6));
        assertThat(forecast.suggestedReorderQuantity()).isEqualTo(497);
        assertThat(forecast.daysOfCover()).isZero();
    }

    @Test
    void aGrowingTrendShortensTheCoverComparedWithFlatDemand() {
        int[] growing = new int[28];
        for (int day = 0; day < growing.length; day++) {
            growing[day] = 10 + day;
        }

        Forecast forecast = DemandForecaster.forecast(growing, 100, PARAMETERS);

        // 38 + 39 = 77, then 23 of the 40 expected on day 3
        assertThat(forecast.daysOfCover()).isCloseTo(2 + 23 / 40.0, within(1e-6));
    }

    @Test
    void aFallingTrendNeverForecastsNegativeDemand() {
        int[] falling = new int[20];
        for (int day = 0; day < falling.length; day++) {
            falling[day] = Math.max(0, 40 - 2 * day);
        }

        Forecast forecast = DemandForecaster.forecast(falling, 5, PARAMETERS);

        assertThat(forecast.nextDays()).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(0));
        assertThat(forecast.suggestedReorderQuantity()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aShortHistoryIsSmoothedWithoutATrend() {
        Forecast forecast = DemandForecaster.forecast(new int[] {4, 6, 5, 5, 20}, 10, PARAMETERS);

        assertThat(forecast.method()).isEqualTo(Forecast.Method.SES);
        // level: 4 -> 4.6 -> 4.72 -> 4.804 -> 9.3628
        assertThat(forecast.dailyForecast()).isCloseTo(9.3628, within(1e-9));
        assertThat(forecast.nextDays()).allSatisfy(d -> assertThat(d).isCloseTo(9.3628, within(1e-9)));
    }

    @Test
    void noisyDemandKeepsSafetyStockAndTheSuggestionCoversIt() {
        int[] noisy = new int[28];
        for (int day = 0; day < noisy.length; day++) {
            noisy[day] = day % 2 == 0 ? 6 : 14;
        }

        Forecast forecast = DemandForecaster.forecast(noisy, 0, PARAMETERS);

        assertThat(forecast.safetyStock()).isGreaterThan(0);
        assertThat(forecast.suggestedReorderQuantity())
                .isEqualTo((long) Math.ceil(forecast.leadTimeDemand() + forecast.safetyStock()));
    }

    @Test
    void plentyOfStockSuggestsNothingRatherThanANegativeOrder() {
        Forecast forecast = DemandForecaster.forecast(constant(28, 10), 10_000, PARAMETERS);

        assertThat(forecast.suggestedReorderQuantity()).isZero();
        assertThat(forecast.daysOfCover()).isCloseTo(1000, within(1e-6));
    }

    @Test
    void theLeadTimeScalesDemandAndSafetyStock() {
        Forecast week = DemandForecaster.forecast(constant(28, 10), 0, PARAMETERS);
        Forecast fortnight = DemandForecaster.forecast(constant(28, 10), 0, PARAMETERS.withLeadTime(14));

        assertThat(fortnight.leadTimeDemand()).isCloseTo(2 * week.leadTimeDemand(), within(1e-9));
        assertThat(fortnight.nextDays()).hasSize(14);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> DemandForecaster.forecast(new int[] {1, -1}, 0, PARAMETERS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForecastParameters(0, 0.1, 7, 1.65, 14))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForecastParameters(0.3, 1.5, 7, 1.65, 14))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForecastParameters(0.3, 0.1, 0, 1.65, 14))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForecastParameters(0.3, 0.1, 7, -1, 14))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
