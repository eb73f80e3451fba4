package io.tienda.inventory.forecast.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts daily demand from daily sales with Holt's linear method (level and trend), or with
 * simple exponential smoothing when the history is too short to trust a trend, and turns it into a
 * reorder suggestion:
 *
 * <pre>
 *   level(t) = alpha * y(t) + (1 - alpha) * (level(t-1) + trend(t-1))
 *   trend(t) = beta * (level(t) - level(t-1)) + (1 - beta) * trend(t-1)
 *   forecast(t + h) = max(0, level(t) + h * trend(t))
 *   safety stock    = safetyFactor * RMSE of the one-day-ahead errors * sqrt(leadTime)
 *   suggestion      = max(0, ceil(sum of forecasts over the lead time + safety stock - available))
 * </pre>
 *
 * The trend starts as the average daily change over the first week, so a clean trend is followed
 * from the first day instead of being learnt slowly.
 */
public final class DemandForecaster {

    /** How far ahead days of cover are counted; beyond that a SKU is as good as never running out. */
    static final int MAX_COVER_DAYS = 3650;

    private static final int TREND_WARMUP_DAYS = 7;

    private DemandForecaster() {
    }

    /**
     * @param dailySales units sold per day, oldest first, zero for days without sales
     * @param available  units that can be sold now
     */
    public static Forecast forecast(int[] dailySales, long available, ForecastParameters parameters) {
        int days = dailySales.length;
        long total = 0;
        for (int sales : dailySales) {
            if (sales < 0) {
                throw new IllegalArgumentException("sales are never negative");
            }
            total += sales;
        }
        int leadTime = parameters.leadTimeDays();
        if (total == 0) {
            return new Forecast(Forecast.Method.NONE, days, 0, zeros(leadTime), 0, 0, available, 0,
                    available <= 0 ? 0.0 : null);
        }
        Smoothed smoothed = days < parameters.minHoltDays()
                ? ses(dailySales, parameters.alpha())
                : holt(dailySales, parameters.alpha(), parameters.beta());
        List<Double> nextDays = new ArrayList<>();
        double leadTimeDemand = 0;
        for (int h = 1; h <= leadTime; h++) {
            double demand = smoothed.at(h);
            nextDays.add(demand);
            leadTimeDemand += demand;
        }
        double safetyStock = parameters.safetyFactor() * smoothed.rmse * Math.sqrt(leadTime);
        // A hair below the next unit is floating-point noise, not a reason to order one more.
        long suggestion = Math.max(0, (long) Math.ceil(leadTimeDemand + safetyStock - available - 1e-9));
        return new Forecast(smoothed.method, days, smoothed.at(1), nextDays, leadTimeDemand, safetyStock, available,
                suggestion, daysOfCover(smoothed, available));
    }

    private static Smoothed ses(int[] y, double alpha) {
        double level = y[0];
        double squaredErrors = 0;
        for (int t = 1; t < y.length; t++) {
            double error = y[t] - level;
            squaredErrors += error * error;
            level = alpha * y[t] + (1 - alpha) * level;
        }
        return new Smoothed(Forecast.Method.SES, level, 0, rmse(squaredErrors, y.length - 1));
    }

    private static Smoothed holt(int[] y, double alpha, double beta) {
        int warmup = Math.min(TREND_WARMUP_DAYS, y.length - 1);
        double level = y[0];
        double trend = (double) (y[warmup] - y[0]) / warmup;
        double squaredErrors = 0;
        for (int t = 1; t < y.length; t++) {
            double expected = level + trend;
            double error = y[t] - expected;
            squaredErrors += error * error;
            double newLevel = alpha * y[t] + (1 - alpha) * expected;
            trend = beta * (newLevel - level) + (1 - beta) * trend;
            level = newLevel;
        }
        return new Smoothed(Forecast.Method.HOLT, level, trend, rmse(squaredErrors, y.length - 1));
    }

    private static double rmse(double squaredErrors, int count) {
        return count < 2 ? 0 : Math.sqrt(squaredErrors / count);
    }

    /** Days until cumulative forecast demand exceeds what is available, with the last day pro rata. */
    private static Double daysOfCover(Smoothed smoothed, long available) {
        if (available <= 0) {
            return 0.0;
        }
        double left = available;
        for (int h = 1; h <= MAX_COVER_DAYS; h++) {
            double demand = smoothed.at(h);
            if (demand <= 0 && smoothed.trend <= 0) {
                return null;
            }
            if (demand >= left) {
                return h - 1 + left / demand;
            }
            left -= demand;
        }
        return null;
    }

    private static List<Double> zeros(int count) {
        List<Double> zeros = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            zeros.add(0.0);
        }
        return zeros;
    }

    private record Smoothed(Forecast.Method method, double level, double trend, double rmse) {

        double at(int daysAhead) {
            return Math.max(0, level + daysAhead * trend);
        }
    }
}
