package io.tienda.analytics.reports.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exponential smoothing of a daily series. With at least two full weeks of history before the
 * holdout, Holt-Winters additive with a weekly season (level, trend, one offset per weekday);
 * otherwise Holt's linear trend. Smoothing parameters are chosen on a grid by the smallest sum of
 * squared one-step-ahead errors. The last {@link #HOLDOUT} days are held out: the model fitted
 * without them forecasts them, and MAPE/RMSE of that forecast are the reported error; the forecast
 * itself comes from the model refitted on the whole history.
 */
public final class Forecasting {

    public static final int SEASON = 7;
    public static final int HOLDOUT = 7;
    private static final double[] GRID = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private Forecasting() {
    }

    public enum Method { HOLT_WINTERS_ADDITIVE, HOLT }

    /**
     * @param mape  mean absolute percentage error on the holdout (days with a zero actual left out), in
     *              percent; null without a holdout or without a non-zero actual
     * @param rmse  root mean squared error on the holdout, in the series' unit; null without a holdout
     */
    public record Result(Method method, Map<String, Double> parameters, double[] forecast, int holdoutDays,
            double[] holdoutActual, double[] holdoutForecast, Double mape, Double rmse) {
    }

    public static Result forecast(double[] history, int horizon) {
        if (history.length < 2) {
            throw new IllegalArgumentException("a forecast needs at least 2 days of history");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be positive");
        }
        int holdout = history.length - HOLDOUT >= 3 ? HOLDOUT : 0;
        double[] training = java.util.Arrays.copyOf(history, history.length - holdout);
        Method method = training.length >= 2 * SEASON ? Method.HOLT_WINTERS_ADDITIVE : Method.HOLT;
        Double mape = null;
        Double rmse = null;
        double[] actual = new double[0];
        double[] predicted = new double[0];
        if (holdout > 0) {
            predicted = fit(method, training).project(holdout);
            actual = java.util.Arrays.copyOfRange(history, training.length, history.length);
            double squares = 0;
            double percents = 0;
            int nonZero = 0;
            for (int i = 0; i < holdout; i++) {
                double error = actual[i] - predicted[i];
                squares += error * error;
                if (actual[i] != 0) {
                    percents += Math.abs(error / actual[i]);
                    nonZero++;
                }
            }
            rmse = Math.sqrt(squares / holdout);
            mape = nonZero == 0 ? null : 100 * percents / nonZero;
        }
        Model model = fit(method, history);
        return new Result(method, model.parameters(), model.project(horizon), holdout, actual, predicted, mape, rmse);
    }

    static Model fit(Method method, double[] series) {
        Model best = null;
        for (double alpha : GRID) {
            for (double beta : GRID) {
                if (method == Method.HOLT) {
                    best = better(best, holt(series, alpha, beta));
                } else {
                    for (double gamma : GRID) {
                        best = better(best, holtWinters(series, alpha, beta, gamma));
                    }
                }
            }
        }
        return best;
    }

    private static Model better(Model best, Model candidate) {
        return best == null || candidate.sse < best.sse ? candidate : best;
    }

    static Model holt(double[] x, double alpha, double beta) {
        double level = x[0];
        double trend = x[1] - x[0];
        double sse = 0;
        for (int t = 1; t < x.length; t++) {
            double predicted = level + trend;
            sse += (x[t] - predicted) * (x[t] - predicted);
            double previous = level;
            level = alpha * x[t] + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("alpha", alpha);
        parameters.put("beta", beta);
        return new Model(level, trend, null, x.length, sse, parameters);
    }

    static Model holtWinters(double[] x, double alpha, double beta, double gamma) {
        int m = SEASON;
        double first = mean(x, 0, m);
        double second = mean(x, m, 2 * m);
        double level = first;
        double trend = (second - first) / m;
        double[] season = new double[m];
        for (int i = 0; i < m; i++) {
            season[i] = x[i] - first;
        }
        double sse = 0;
        for (int t = m; t < x.length; t++) {
            double predicted = level + trend + season[t % m];
            sse += (x[t] - predicted) * (x[t] - predicted);
            double previous = level;
            level = alpha * (x[t] - season[t % m]) + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
            season[t % m] = gamma * (x[t] - level) + (1 - gamma) * season[t % m];
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("alpha", alpha);
        parameters.put("beta", beta);
        parameters.put("gamma", gamma);
        parameters.put("seasonLength", (double) m);
        return new Model(level, trend, season, x.length, sse, parameters);
    }

    private static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }

    /** A fitted model: the state after the last observation, and how well it fitted. */
    record Model(double level, double trend, double[] season, int observed, double sse, Map<String, Double> parameters) {

        double[] project(int horizon) {
            double[] values = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                double value = level + h * trend;
                if (season != null) {
                    value += season[(observed + h - 1) % season.length];
                }
                // sales are never negative, whatever a falling trend says
                values[h - 1] = Math.max(0, value);
            }
            return values;
        }
    }

    /** For tests and callers that want lists. */
    public static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
