package io.tienda.analytics.reports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.analytics.AnalyticsAccess;
import io.tienda.analytics.reports.AnalyticsReports;
import io.tienda.analytics.reports.domain.Granularity;
import io.tienda.analytics.reports.domain.ReportPeriod;
import io.tienda.analytics.reports.domain.ReportQueries.Dimension;
import io.tienda.analytics.reports.domain.ReportQueries.Ranking;
import io.tienda.analytics.reports.domain.Reports;
import io.tienda.analytics.reports.domain.SalesFilter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static io.tienda.analytics.reports.api.ReportParams.JSON_OR_CSV_1;
import static io.tienda.analytics.reports.api.ReportParams.JSON_OR_CSV_2;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Sales reports for analysts")
class SalesResource {

    private final AnalyticsReports reports;

    SalesResource(AnalyticsReports reports) {
        this.reports = reports;
    }

    record PeriodItem(LocalDate period, long orders, long units, long revenue) {
    }

    record SalesByPeriod(LocalDate from, LocalDate to, String currency, String granularity, String category,
            String brand, String sku, List<PeriodItem> items) implements CsvTable {

        public List<String> csvHeader() {
            return List.of("period", "orders", "units", "revenue", "currency");
        }

        public List<List<Object>> csvRows() {
            return items.stream().map(i -> List.<Object>of(i.period(), i.orders(), i.units(), i.revenue(), currency))
                    .toList();
        }
    }

    record BreakdownItem(String key, String label, long orders, long units, long revenue) {
    }

    record SalesBreakdown(LocalDate from, LocalDate to, String currency, String dimension, String rankedBy,
            String category, String brand, String sku, List<BreakdownItem> items) implements CsvTable {

        public List<String> csvHeader() {
            return List.of(dimension, "name", "orders", "units", "revenue", "currency");
        }

        public List<List<Object>> csvRows() {
            return items.stream().map(i -> List.<Object>of(i.key(), i.label(), i.orders(), i.units(), i.revenue(),
                    currency)).toList();
        }
    }

    @GetMapping(path = "/sales", produces = {JSON_OR_CSV_1, JSON_OR_CSV_2})
    @PreAuthorize(AnalyticsAccess.READERS)
    @Operation(summary = "Sales by period",
            description = "Orders, units and revenue (minor units) of confirmed orders per day, week (from Monday) "
                    + "or month, every bucket of the period listed (zeros included); optionally one category, "
                    + "brand or SKU." + ReportParams.REVENUE + ReportParams.WHO)
    SalesByPeriod byPeriod(
            @Parameter(description = ReportParams.FROM) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = ReportParams.TO) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "day, week or month") @RequestParam(defaultValue = "day") String granularity,
            @Parameter(description = ReportParams.CURRENCY) @RequestParam(defaultValue = "EUR") String currency,
            @RequestParam(required = false) String category, @RequestParam(required = false) String brand,
            @RequestParam(required = false) String sku) {
        ReportPeriod period = AnalyticsReports.period(from, to);
        Granularity g = AnalyticsReports.granularity(granularity);
        SalesFilter filter = AnalyticsReports.filter(category, brand, sku);
        List<PeriodItem> items = reports.salesByPeriod(period, g, currency, filter).stream()
                .map(s -> new PeriodItem(s.period(), s.orders(), s.units(), s.revenue())).toList();
        return new SalesByPeriod(from, to, currency, g.label(), filter.category(), filter.brand(), filter.sku(), items);
    }

    @GetMapping(path = "/sales/by-category", produces = {JSON_OR_CSV_1, JSON_OR_CSV_2})
    @PreAuthorize(AnalyticsAccess.READERS)
    @Operation(summary = "Sales by category",
            description = "Orders, units and revenue per category id (from the product events; 'unknown' when the "
                    + "product was never seen), highest revenue first; optionally one brand or SKU."
                    + ReportParams.REVENUE + ReportParams.WHO)
    SalesBreakdown byCategory(
            @Parameter(description = ReportParams.FROM) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = ReportParams.TO) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = ReportParams.CURRENCY) @RequestParam(defaultValue = "EUR") String currency,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String sku,
            @RequestParam(defaultValue = "100") int limit) {
        return breakdown(Dimension.CATEGORY, from, to, currency, null, brand, sku, "revenue", limit);
    }

    @GetMapping(path = "/sales/by-brand", produces = {JSON_OR_CSV_1, JSON_OR_CSV_2})
    @PreAuthorize(AnalyticsAccess.READERS)
    @Operation(summary = "Sales by brand",
            description = "Orders, units and revenue per brand id, highest revenue first; optionally one category "
                    + "or SKU." + ReportParams.REVENUE + ReportParams.WHO)
    SalesBreakdown byBrand(
            @Parameter(description = ReportParams.FROM) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = ReportParams.TO) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = ReportParams.CURRENCY) @RequestParam(defaultValue = "EUR") String currency,
            @RequestParam(required = false) String category, @RequestParam(required = false) String sku,
            @RequestParam(defaultValue = "100") int limit) {
        return breakdown(Dimension.BRAND, from, to, currency, category, null, sku, "revenue", limit);
    }

    @GetMapping(path = "/sales/by-product", produces = {JSON_OR_CSV_1, JSON_OR_CSV_2})
    @PreAuthorize(AnalyticsAccess.READERS)
    @Operation(summary = "Sales by product",
            description = "Orders, units and revenue per SKU with its name, highest revenue first; optionally one "
                    + "category, brand or SKU." + ReportParams.REVENUE + ReportParams.WHO)
    SalesBreakdown byProduct(
            @Parameter(description = ReportParams.FROM) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = ReportParams.TO) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = ReportParams.CURRENCY) @RequestParam(defaultValue = "EUR") String currency,
            @RequestParam(required = false) String category, @RequestParam(required = false) String brand,
            @RequestParam(required = false) String sku, @RequestParam(defaultValue = "100") int limit) {
        return breakdown(Dimension.PRODUCT, from, to, currency, category, brand, sku, "revenue", limit);
    }

    @GetMapping(path = "/top-products", produces = {JSON_OR_CSV_1, JSON_OR_CSV_2})
    @PreAuthorize(AnalyticsAccess.READERS)
    @Operation(summary = "Top products",
            description = "The 'limit' (1-100, default 10) best-selling SKUs by revenue or by units; optionally "
                    + "within one category or brand." + ReportParams.REVENUE + ReportParams.WHO)
    SalesBreakdown topProducts(
            @Parameter(description = ReportParams.FROM) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = ReportParams.TO) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = ReportParams.CURRENCY) @RequestParam(defaultValue = "EUR") String currency,
            @Parameter(description = "revenue or units") @RequestParam(defaultValue = "revenue") String by,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(required = false) String category, @RequestParam(required = false) String brand) {
        return breakdown(Dimension.PRODUCT, from, to, currency, category, brand, null, by, limit);
    }

    private SalesBreakdown breakdown(Dimension dimension, LocalDate from, LocalDate to, String currency,
            String category, String brand, String sku, String by, int limit) {
        ReportPeriod period = AnalyticsReports.period(from, to);
        SalesFilter filter = AnalyticsReports.filter(category, brand, sku);
        Ranking ranking = AnalyticsReports.ranking(by);
        List<Reports.Sales> sales = reports.salesBy(dimension, period, currency, filter, ranking, limit);
        List<BreakdownItem> items = sales.stream()
                .map(s -> new BreakdownItem(s.key(), s.label(), s.orders(), s.units(), s.revenue())).toList();
        String name = dimension == Dimension.PRODUCT ? "sku" : dimension.name().toLowerCase(Locale.ROOT);
        return new SalesBreakdown(from, to, currency, name, ranking.name().toLowerCase(Locale.ROOT), filter.category(),
                filter.brand(), filter.sku(), items);
    }
}
