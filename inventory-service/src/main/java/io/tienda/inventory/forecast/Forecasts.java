package io.tienda.inventory.forecast;

import io.tienda.inventory.InventoryProperties;
import io.tienda.inventory.forecast.domain.DemandForecaster;
import io.tienda.inventory.forecast.domain.Forecast;
import io.tienda.inventory.forecast.domain.ForecastParameters;
import io.tienda.inventory.forecast.persistence.SalesHistoryRepository;
import io.tienda.inventory.stock.domain.StockRegistry;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Demand forecasts from the ledger. The history is the committed units per UTC day over the last
 * complete days (today is not over yet, and would drag every forecast down), starting no earlier
 * than the SKU's first movement, so that a SKU stocked last week is not averaged with weeks it did
 * not exist.
 */
@Service
public class Forecasts {

    private final SalesHistoryRepository sales;
    private final StockRegistry stock;
    private final InventoryProperties.Forecast properties;
    private final Clock clock;

    Forecasts(SalesHistoryRepository sales, StockRegistry stock, InventoryProperties properties, Clock clock) {
        this.sales = sales;
        this.stock = stock;
        this.properties = properties.forecast();
        this.clock = clock;
    }

    /**
     * @param history  the sales the forecast was made from, oldest first, {@code from} to {@code to}
     *                 inclusive; empty when there is none
     */
    public record SkuForecast(String sku, LocalDate from, LocalDate to, List<Integer> history,
            ForecastParameters parameters, Forecast forecast) {

        public SkuForecast {
            history = List.copyOf(history);
        }
    }

    /**
     * @param historyDays  how far back to look, or null for the configured default
     * @param leadTimeDays the supplier's lead time, or null for the configured default
     */
    public SkuForecast forecast(String sku, Integer historyDays, Integer leadTimeDays) {
        ForecastParameters parameters = new ForecastParameters(properties.alpha(), properties.beta(),
                leadTimeDays == null ? properties.leadTimeDays() : leadTimeDays, properties.safetyFactor(),
                properties.minHoltDays());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = today.minusDays(historyDays == null ? properties.historyDays() : historyDays);
        LocalDate first = sales.firstDay(sku).orElse(today);
        if (first.isAfter(from)) {
            from = first;
        }
        int[] history = new int[(int) (today.toEpochDay() - from.toEpochDay())];
        LocalDate start = from;
        sales.committedPerDay(sku, from, today)
                .forEach((day, units) -> history[(int) (day.toEpochDay() - start.toEpochDay())] = units);
        Forecast forecast = DemandForecaster.forecast(history, stock.availability(sku).available(), parameters);
        return new SkuForecast(sku, from, today.minusDays(1), Arrays.stream(history).boxed().toList(), parameters,
                forecast);
    }
}
