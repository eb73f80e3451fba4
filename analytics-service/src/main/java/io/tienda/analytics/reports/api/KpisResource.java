package io.tienda.analytics.reports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.analytics.AnalyticsAccess;
import io.tienda.analytics.reports.AnalyticsReports;
import io.tienda.analytics.reports.domain.Reports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

import static io.tienda.analytics.reports.api.ReportParams.JSON_OR_CSV_1;
import static io.tienda.analytics.reports.api.ReportParams.JSON_OR_CSV_2;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Sales reports for analysts")
class KpisResource {

    private final AnalyticsReports reports;

    KpisResource(AnalyticsReports reports) {
        this.reports = reports;
    }

    record KpisResponse(LocalDate from, LocalDate to, String currency, long gmv, long refunds, long netRevenue,
            long orders, long averageOrderValue, long units, long refundedOrders, double refundRate, long carts,
            double conversionRate) implements CsvTable {

        public List<String> csvHeader() {
            return List.of("from", "to", "currency", "gmv", "refunds", "netRevenue", "orders", "averageOrderValue",
                    "units", "refundedOrders", "refundRate", "carts", "conversionRate");
        }

        public List<List<Object>> csvRows() {
            return List.of(List.of(from, to, currency, gmv, refunds, netRevenue, orders, averageOrderValue, units,
                    refundedOrders, refundRate, carts, conversionRate));
        }
    }

    @GetMapping(path = "/kpis", produces = {JSON_OR_CSV_1, JSON_OR_CSV_2})
    @PreAuthorize(AnalyticsAccess.READERS)
    @Operation(summary = "Headline sales figures of a period",
            description = "GMV (what shoppers paid for confirmed orders' lines, after offers and the coupon, "
                    + "before shipping), refunds (payment.refunded amounts, less refunds that failed at the provider "
                    + "afterwards, and refunds staff paid another way: order.refund_settled, "
                    + "returns.refund_settled) and net revenue (GMV - refunds), "
                    + "orders, average order value (GMV / orders, rounded half up), units, refund rate (orders "
                    + "refunded / orders), carts with an item added and conversion (confirmed orders / those "
                    + "carts), from 'from' to 'to' in one currency; amounts in minor units. Orders published "
                    + "before lines carried what was paid count their units at the catalog price."
                    + ReportParams.SALES + ReportParams.WHO)
    KpisResponse kpis(
            @Parameter(description = ReportParams.FROM, example = "2025-01-01")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = ReportParams.TO, example = "2025-01-31")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = ReportParams.CURRENCY, example = "EUR")
            @RequestParam(defaultValue = "EUR") String currency) {
        Reports.Kpis k = reports.kpis(AnalyticsReports.period(from, to), currency);
        return new KpisResponse(from, to, currency, k.gmv(), k.refunds(), k.netRevenue(), k.orders(),
                k.averageOrderValue(), k.units(), k.refundedOrders(), k.refundRate(), k.carts(), k.conversionRate());
    }
}
