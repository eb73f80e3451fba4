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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static io.tienda.analytics.reports.api.ReportParams.JSON_OR_CSV_1;
import static io.tienda.analytics.reports.api.ReportParams.JSON_OR_CSV_2;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Sales reports for analysts")
class FunnelResource {

    private final AnalyticsReports reports;

    FunnelResource(AnalyticsReports reports) {
        this.reports = reports;
    }

    /**
     * @param fromPrevious this stage / the one before (1 for the first; 0 when the one before is 0)
     * @param fromStart    this stage / the first stage
     */
    record Stage(String stage, long count, double fromPrevious, double fromStart) {
    }

    record FunnelResponse(LocalDate from, LocalDate to, List<Stage> stages) implements CsvTable {

        public List<String> csvHeader() {
            return List.of("stage", "count", "fromPrevious", "fromStart");
        }

        public List<List<Object>> csvRows() {
            return stages.stream().map(s -> List.<Object>of(s.stage(), s.count(), s.fromPrevious(), s.fromStart()))
                    .toList();
        }
    }

    @GetMapping(path = "/funnel", produces = {JSON_OR_CSV_1, JSON_OR_CSV_2})
    @PreAuthorize(AnalyticsAccess.READERS)
    @Operation(summary = "Checkout funnel",
            description = "Distinct carts with an item added, carts that started checkout, orders placed and "
                    + "orders confirmed in the period, with each stage's share of the one before and of the first."
                    + ReportParams.WHO)
    FunnelResponse funnel(
            @Parameter(description = ReportParams.FROM) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = ReportParams.TO) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Reports.Funnel f = reports.funnel(AnalyticsReports.period(from, to));
        long[] counts = {f.cartsWithAdd(), f.checkoutsStarted(), f.ordersPlaced(), f.ordersConfirmed()};
        String[] names = {"cart_add", "checkout_started", "order_placed", "order_confirmed"};
        Stage[] stages = new Stage[counts.length];
        for (int i = 0; i < counts.length; i++) {
            stages[i] = new Stage(names[i], counts[i], i == 0 ? 1 : ratio(counts[i], counts[i - 1]),
                    ratio(counts[i], counts[0]));
        }
        return new FunnelResponse(from, to, List.of(stages));
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
