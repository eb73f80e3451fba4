package io.tienda.analytics.reports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.analytics.AnalyticsAccess;
import io.tienda.analytics.reports.AnalyticsReports;
import io.tienda.analytics.reports.domain.ReportPeriod;
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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.tienda.analytics.reports.api.ReportParams.JSON_OR_CSV_1;
import static io.tienda.analytics.reports.api.ReportParams.JSON_OR_CSV_2;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Sales reports for analysts")
class CustomersResource {

    private final AnalyticsReports reports;

    CustomersResource(AnalyticsReports reports) {
        this.reports = reports;
    }

    /**
     * A monthly cohort: the customers whose first confirmed order fell in {@code cohort}.
     *
     * @param active    customers of the cohort with a confirmed order in month 0 (= size), 1, 2 ... after it
     * @param retention active / size, per month
     */
    record Cohort(String cohort, long size, List<Long> active, List<Double> retention) {
    }

    record CustomersResponse(LocalDate from, LocalDate to, long customers, long newCustomers, long returningCustomers,
            long repeatCustomers, double repeatRate, long registrations, List<Cohort> cohorts) implements CsvTable {

        /** CSV carries the retention matrix: one row per cohort, one column per month after it. */
        public List<String> csvHeader() {
            int months = cohorts.stream().mapToInt(c -> c.active().size()).max().orElse(1);
            List<String> header = new ArrayList<>(List.of("cohort", "size"));
            for (int m = 0; m < months; m++) {
                header.add("month_" + m);
            }
            return header;
        }

        public List<List<Object>> csvRows() {
            int months = csvHeader().size() - 2;
            List<List<Object>> rows = new ArrayList<>();
            for (Cohort c : cohorts) {
                List<Object> row = new ArrayList<>(List.of(c.cohort(), c.size()));
                for (int m = 0; m < months; m++) {
                    row.add(m < c.active().size() ? c.active().get(m) : null);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @GetMapping(path = "/customers", produces = {JSON_OR_CSV_1, JSON_OR_CSV_2})
    @PreAuthorize(AnalyticsAccess.READERS)
    @Operation(summary = "New and returning customers, repeat rate and monthly cohorts",
            description = "Customers with a confirmed order in the period: new (their first ever) or returning, "
                    + "repeat customers (2+ orders in the period) and the repeat rate; sign-ups in the period; "
                    + "monthly cohorts by first confirmed order (cohort months within the period) with the number "
                    + "and share still ordering in each later month up to 'to'. CSV carries the cohort matrix."
                    + ReportParams.SALES + ReportParams.WHO)
    CustomersResponse customers(
            @Parameter(description = ReportParams.FROM) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = ReportParams.TO) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReportPeriod period = AnalyticsReports.period(from, to);
        Reports.Customers c = reports.customers(period);
        return new CustomersResponse(from, to, c.customers(), c.newCustomers(), c.returningCustomers(),
                c.repeatCustomers(), c.repeatRate(), c.registrations(), matrix(reports.cohorts(period), to));
    }

    private static List<Cohort> matrix(List<Reports.CohortCell> cells, LocalDate to) {
        Map<YearMonth, Map<YearMonth, Long>> byCohort = new TreeMap<>();
        for (Reports.CohortCell cell : cells) {
            byCohort.computeIfAbsent(YearMonth.from(cell.cohort()), k -> new HashMap<>())
                    .put(YearMonth.from(cell.month()), cell.customers());
        }
        YearMonth last = YearMonth.from(to);
        List<Cohort> cohorts = new ArrayList<>();
        byCohort.forEach((cohort, months) -> {
            long size = months.getOrDefault(cohort, 0L);
            List<Long> active = new ArrayList<>();
            List<Double> retention = new ArrayList<>();
            for (YearMonth m = cohort; !m.isAfter(last); m = m.plusMonths(1)) {
                long n = months.getOrDefault(m, 0L);
                active.add(n);
                retention.add(size == 0 ? 0 : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(size), 4,
                        RoundingMode.HALF_UP).doubleValue());
            }
            cohorts.add(new Cohort(cohort.toString(), size, active, retention));
        });
        return cohorts;
    }
}
