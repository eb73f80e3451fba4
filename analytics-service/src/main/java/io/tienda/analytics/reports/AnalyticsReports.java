package io.tienda.analytics.reports;

import io.tienda.analytics.reports.domain.Forecasting;
import io.tienda.analytics.reports.domain.Granularity;
import io.tienda.analytics.reports.domain.ReportPeriod;
import io.tienda.analytics.reports.domain.ReportQueries;
import io.tienda.analytics.reports.domain.ReportQueries.Dimension;
import io.tienda.analytics.reports.domain.ReportQueries.Ranking;
import io.tienda.analytics.reports.domain.Reports;
import io.tienda.analytics.reports.domain.SalesFilter;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The reports, one use case per method. Parameters arrive as the client sent them and are checked
 * here: a bad one is a 400 invalid-parameter, never a failed query.
 */
@Service
public class AnalyticsReports {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_FORECAST_DAYS = 90;
    public static final int DEFAULT_HISTORY_DAYS = 56;
    /**
     * The ISO 4217 codes the JDK knows: three capital letters each, so a code found here is safe to inline
     * into a query; three letters alone may be no currency at all, and would answer an empty report.
     */
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private final ReportQueries queries;
    private final Clock clock;

    AnalyticsReports(ReportQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** A period from the request's {@code from} and {@code to}; each must be a day the store can hold. */
    public static ReportPeriod period(LocalDate from, LocalDate to) {
        storable("from", from);
        storable("to", to);
        return valid(() -> new ReportPeriod(from, to));
    }

    /**
     * A day outside {@link ReportPeriod#FIRST_DAY} .. {@link ReportPeriod#LAST_DAY} is a 400 that names
     * its parameter: ClickHouse cannot hold it, and would fail the query or read it as zero.
     */
    private static void storable(String parameter, LocalDate day) {
        if (day != null && !ReportPeriod.storable(day)) {
            throw invalidParameter(parameter, parameter + " must be a day from " + ReportPeriod.FIRST_DAY + " to "
                    + ReportPeriod.LAST_DAY);
        }
    }

    private static DomainException invalidParameter(String parameter, String message) {
        return new DomainException(ProblemType.INVALID_PARAMETER.status(), ProblemType.INVALID_PARAMETER.uri(),
                ProblemType.INVALID_PARAMETER.title(), message,
                Map.of("errors", List.of(Map.of("field", parameter, "message", message))));
    }

    /** {@code day}, {@code week} or {@code month}, any case; day when absent. */
    public static Granularity granularity(String value) {
        return value == null ? Granularity.DAY : choice("granularity", value, Granularity.values());
    }

    public static SalesFilter filter(String category, String brand, String sku) {
        return valid(() -> new SalesFilter(category, brand, sku));
    }

    /** {@code revenue} or {@code units}, any case; revenue when absent. */
    public static Ranking ranking(String value) {
        return value == null ? Ranking.REVENUE : choice("by", value, Ranking.values());
    }

    /**
     * The constant named {@code value} in any case; anything else is a 400 naming the parameter and the
     * values it takes, in the words of the API rather than the names of the code.
     */
    private static <E extends Enum<E>> E choice(String parameter, String value, E[] choices) {
        for (E choice : choices) {
            if (choice.name().equalsIgnoreCase(value.strip())) {
                return choice;
            }
        }
        throw invalidParameter(parameter, parameter + " must be one of: " + Arrays.stream(choices)
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    public List<Reports.PeriodSales> salesByPeriod(ReportPeriod period, Granularity granularity, String currency,
            SalesFilter filter) {
        Map<LocalDate, Reports.PeriodSales> found = new HashMap<>();
        for (Reports.PeriodSales sales : queries.salesByPeriod(period, granularity, currency(currency), filter)) {
            found.put(sales.period(), sales);
        }
        List<Reports.PeriodSales> all = new ArrayList<>();
        for (LocalDate bucket : granularity.buckets(period)) {
            all.add(found.getOrDefault(bucket, new Reports.PeriodSales(bucket, 0, 0, 0)));
        }
        return all;
    }

    public List<Reports.Sales> salesBy(Dimension dimension, ReportPeriod period, String currency, SalesFilter filter,
            Ranking ranking, int limit) {
        return queries.salesBy(dimension, period, currency(currency), filter, ranking, limit(limit));
    }

    public Reports.Kpis kpis(ReportPeriod period, String currency) {
        return queries.kpis(period, currency(currency));
    }

    public Reports.Funnel funnel(ReportPeriod period) {
        return queries.funnel(period);
    }

    public Reports.Customers customers(ReportPeriod period) {
        return queries.customers(period);
    }

    public List<Reports.CohortCell> cohorts(ReportPeriod period) {
        return queries.cohorts(period);
    }

    public List<Reports.LowStockItem> lowStock(int limit) {
        return queries.lowStock(limit(limit));
    }

    public List<Reports.RecentOrder> recentOrders(int limit) {
        return queries.recentOrders(limit(limit));
    }

    /** A forecast of daily revenue and the history it was fitted on. */
    public record DailyForecast(ReportPeriod history, List<Reports.DailyValue> observed, Forecasting.Result result,
            List<LocalDate> days) {
    }

    /**
     * Forecasts {@code days} days of revenue after {@code to} (default: yesterday, UTC) from the
     * {@code history} days up to it (default 56; at least 3).
     */
    public DailyForecast forecast(int days, LocalDate from, LocalDate to, String currency) {
        if (days < 1 || days > MAX_FORECAST_DAYS) {
            throw DomainException.invalid("days must be between 1 and " + MAX_FORECAST_DAYS);
        }
        storable("from", from);
        storable("to", to);
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_HISTORY_DAYS - 1);
        if (from == null && !ReportPeriod.storable(first)) {
            throw invalidParameter("from", "from must be a day from " + ReportPeriod.FIRST_DAY + " to "
                    + ReportPeriod.LAST_DAY + "; the default, " + (DEFAULT_HISTORY_DAYS - 1) + " days before to, is "
                    + first);
        }
        ReportPeriod history = period(first, last);
        if (history.days() < 3) {
            throw DomainException.invalid("a forecast needs at least 3 days of history");
        }
        Map<LocalDate, Long> found = new HashMap<>();
        for (Reports.DailyValue value : queries.dailyRevenue(history, currency(currency))) {
            found.put(value.day(), value.value());
        }
        List<Reports.DailyValue> observed = new ArrayList<>();
        double[] series = new double[(int) history.days()];
        for (int i = 0; i < series.length; i++) {
            LocalDate day = first.plusDays(i);
            long value = found.getOrDefault(day, 0L);
            observed.add(new Reports.DailyValue(day, value));
            series[i] = value;
        }
        Forecasting.Result result = Forecasting.forecast(series, days);
        List<LocalDate> ahead = new ArrayList<>();
        for (int i = 1; i <= days; i++) {
            ahead.add(last.plusDays(i));
        }
        return new DailyForecast(history, observed, result, ahead);
    }

    /** An ISO 4217 code (EUR when absent), the same check for every report that takes one. */
    private static String currency(String currency) {
        String value = currency == null ? "EUR" : currency;
        if (!CURRENCIES.contains(value)) {
            throw invalidParameter("currency", "currency must be an ISO 4217 code such as EUR");
        }
        return value;
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static <T> T valid(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
    }
}
