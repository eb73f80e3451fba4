package io.tienda.inventory.forecast.domain;

import java.util.List;

/**
 * What a SKU will probably sell, and what to order so it does not run out.
 *
 * @param method                   how the forecast was made
 * @param historyDays              days of history it was made from
 * @param dailyForecast            units expected to sell tomorrow
 * @param nextDays                 units expected per day over the lead time, tomorrow first
 * @param leadTimeDemand           units expected to sell before an order placed today arrives
 * @param safetyStock              units kept against forecast error over the lead time
 * @param suggestedReorderQuantity lead-time demand plus safety stock minus what is available; never negative
 * @param daysOfCover              days until the available units are sold at the forecast rate; null
 *                                 when nothing is expected to sell
 */
public record Forecast(Method method, int historyDays, double dailyForecast, List<Double> nextDays,
        double leadTimeDemand, double safetyStock, long available, long suggestedReorderQuantity, Double daysOfCover) {

    public Forecast {
        nextDays = List.copyOf(nextDays);
    }

    public enum Method {
        /** No sales in the history: nothing is expected to sell. */
        NONE,
        /** Simple exponential smoothing: a level, no trend (short history). */
        SES,
        /** Holt's linear method: a level and a trend. */
        HOLT
    }
}
