package io.tienda.analytics.reports.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ForecastingTest {

    static final double[] WEEK = {1000, 1200, 1100, 1300, 2000, 3000, 2500};

    static double truth(int day) {
        return WEEK[day % 7] + 10.0 * day;
    }

    static double[] series(int days, double noise) {
        double[] x = new double[days];
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < days; i++) {
            x[i] = truth(i) * (1 + noise * (random.nextDouble() * 2 - 1));
        }
        return x;
    }

    @Test
    void holtWintersRecoversAWeeklyPatternWithTrend() {
        Forecasting.Result result = Forecasting.forecast(series(56, 0), 14);

        assertThat(result.method()).isEqualTo(Forecasting.Method.HOLT_WINTERS_ADDITIVE);
        assertThat(result.parameters()).containsKeys("alpha", "beta", "gamma").containsEntry("seasonLength", 7.0);
        assertThat(result.holdoutDays()).isEqualTo(7);
        assertThat(result.mape()).isLessThan(2.0);
        for (int h = 0; h < 14; h++) {
            assertThat(result.forecast()[h]).isCloseTo(truth(56 + h), within(truth(56 + h) * 0.03));
        }
    }

    @Test
    void noiseRaisesTheReportedErrorButThePatternHolds() {
        Forecasting.Result result = Forecasting.forecast(series(56, 0.05), 7);

        assertThat(result.mape()).isBetween(0.1, 10.0);
        assertThat(result.rmse()).isPositive().isLessThan(250.0);
        // the weekend peak is still where it belongs: day 61 (a "Saturday" of the pattern) above day 57
        assertThat(result.forecast()[5]).isGreaterThan(result.forecast()[1] * 1.8);
    }

    @Test
    void fallsBackToHoltWithLessThanTwoWeeksBeforeTheHoldout() {
        double[] linear = new double[15];
        for (int i = 0; i < linear.length; i++) {
            linear[i] = 100 + 20 * i;
        }
        Forecasting.Result result = Forecasting.forecast(linear, 3);

        assertThat(result.method()).isEqualTo(Forecasting.Method.HOLT);
        assertThat(result.parameters()).containsOnlyKeys("alpha", "beta");
        assertThat(result.holdoutDays()).isEqualTo(7);
        assertThat(result.mape()).isLessThan(0.01);
        assertThat(result.forecast()).containsExactly(new double[] {400, 420, 440}, within(0.01));
    }

    @Test
    void aShortHistoryHasNoHoldout() {
        Forecasting.Result result = Forecasting.forecast(new double[] {5, 6, 7, 8}, 2);

        assertThat(result.holdoutDays()).isZero();
        assertThat(result.mape()).isNull();
        assertThat(result.rmse()).isNull();
        assertThat(result.forecast()).hasSize(2);
    }

    @Test
    void forecastsAreNeverNegative() {
        double[] falling = {700, 600, 500, 400, 300, 200, 100, 50, 20, 10};
        for (double v : Forecasting.forecast(falling, 10).forecast()) {
            assertThat(v).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void refusesTooLittleHistory() {
        assertThatThrownBy(() -> Forecasting.forecast(new double[] {1}, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
