package io.tienda.analytics.reports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.analytics.AnalyticsAccess;
import io.tienda.analytics.reports.AnalyticsReports;
import io.tienda.analytics.reports.domain.Forecasting;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tienda.analytics.reports.api.ReportParams.JSON_OR_CSV_1;
import static io.tienda.analytics.reports.api.ReportParams.JSON_OR_CSV_2;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Sales reports for analysts")
class ForecastResource {

    private final AnalyticsReports reports;

    ForecastResource(AnalyticsReports reports) {
        this.reports = reports;
    }

    /** A day's revenue in minor units: observed, or forecast and rounded to a whole minor unit. */
    record Day(LocalDate day, long value) {
    }

    /**
     * @param days     the days held out, what they were and what the model fitted without them said
     * @param mape     mean absolute percentage error on those days (zeros left out), percent; null if none
     * @param rmse     root mean squared error on those days, minor units
     */
    record Holdout(int days, List<Day> actual, List<Day> forecast, Double mape, Double rmse) {
    }

    record ForecastResponse(String currency, String method, Map<String, Double> parameters, LocalDate historyFrom,
            LocalDate historyTo, List<Day> history, Holdout holdout, List<Day> forecast) implements CsvTable {

        public List<String> csvHeader() {
            return List.of("day", "forecast", "currency");
        }

        public List<List<Object>> csvRows() {
            return forecast.stream().map(d -> List.<Object>of(d.day(), d.value(), currency)).toList();
        }
    }

    @GetMapping(path = "/forecast", produces = {JSON_OR_CSV_1, JSON_OR_CSV_2})
    @PreAuthorize(AnalyticsAccess.READERS)
    @Operation(summary = "Revenue forecast",
            description = "Daily revenue of confirmed orders (what shoppers paid for their lines, after offers "
                    + "and the coupon, before shipping) for the next 'days' (1-90, default 14) after 'to' "
                    + "(default yesterday), from the history 'from'..'to' (default the 56 days up to 'to'). "
                    + "Holt-Winters additive with a weekly season when the history has two full weeks before "
                    + "its last 7 days, otherwise Holt's linear trend; the last 7 days are held out to measure "
                    + "the error (MAPE, RMSE). CSV carries the forecast days." + ReportParams.SALES
                    + ReportParams.WHO)
    ForecastResponse forecast(
            @Parameter(description = "Days to forecast, 1-90") @RequestParam(defaultValue = "14") int days,
            @Parameter(description = "First day of history") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day of history") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = ReportParams.CURRENCY) @RequestParam(defaultValue = "EUR") String currency) {
        AnalyticsReports.DailyForecast f = reports.forecast(days, from, to, currency);
        Forecasting.Result r = f.result();
        List<Day> history = f.observed().stream().map(v -> new Day(v.day(), v.value())).toList();
        List<Day> ahead = new ArrayList<>();
        for (int i = 0; i < f.days().size(); i++) {
            ahead.add(new Day(f.days().get(i), Math.round(r.forecast()[i])));
        }
        List<Day> actual = new ArrayList<>();
        List<Day> predicted = new ArrayList<>();
        int start = history.size() - r.holdoutDays();
        for (int i = 0; i < r.holdoutDays(); i++) {
            LocalDate day = history.get(start + i).day();
            actual.add(new Day(day, Math.round(r.holdoutActual()[i])));
            predicted.add(new Day(day, Math.round(r.holdoutForecast()[i])));
        }
        Holdout holdout = new Holdout(r.holdoutDays(), actual, predicted, round(r.mape()), round(r.rmse()));
        return new ForecastResponse(currency, r.method().name(), r.parameters(), f.history().from(),
                f.history().to(), history, holdout, ahead);
    }

    private static Double round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
