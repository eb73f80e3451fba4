package io.tienda.inventory.forecast.domain;

/**
 * How a forecast is made.
 *
 * @param alpha        level smoothing, in (0, 1]: higher follows recent days more closely
 * @param beta         trend smoothing, in [0, 1]: higher lets the trend turn faster
 * @param leadTimeDays days from ordering to the goods arriving: the demand to cover
 * @param safetyFactor standard deviations of the one-day forecast error kept as safety stock
 * @param minHoltDays  below this many days of history the trend is not trusted and simple
 *                     exponential smoothing is used
 */
public record ForecastParameters(double alpha, double beta, int leadTimeDays, double safetyFactor, int minHoltDays) {

    public ForecastParameters {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1]");
        }
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1]");
        }
        if (leadTimeDays < 1) {
            throw new IllegalArgumentException("the lead time is at least one day");
        }
        if (!(safetyFactor >= 0)) {
            throw new IllegalArgumentException("the safety factor is never negative");
        }
        if (minHoltDays < 2) {
            throw new IllegalArgumentException("a trend needs at least two days");
        }
    }

    public ForecastParameters withLeadTime(int days) {
        return new ForecastParameters(alpha, beta, days, safetyFactor, minHoltDays);
    }
}
