package io.tienda.analytics.sales.api;

import io.tienda.platform.core.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.analytics.sales.domain.Kpis;
import io.tienda.analytics.sales.domain.ReportPeriod;
import io.tienda.analytics.sales.domain.SalesFacts;
import io.tienda.platform.problem.DomainException;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Sales reports for analysts")
class KpisResource {

    private final SalesFacts sales;

    KpisResource(SalesFacts sales) {
        this.sales = sales;
    }

    @GetMapping("/kpis")
    @PreAuthorize(Roles.HAS_ANALYST)
    @Operation(summary = "Headline sales figures of a period",
            description = "GMV, number of orders and average order value of confirmed orders from 'from' to 'to' "
                    + "(both included, UTC days, at most 366 days) in one currency; amounts in minor units. "
                    + "Analysts and admins only.")
    KpisResponse kpis(
            @Parameter(description = "First day, YYYY-MM-DD", example = "2025-01-01")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day, YYYY-MM-DD, not before 'from'", example = "2025-01-31")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "ISO 4217 currency of the orders to count", example = "EUR")
            @RequestParam(defaultValue = "EUR") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
            String currency) {
        ReportPeriod period;
        try {
            period = new ReportPeriod(from, to);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
        Kpis kpis = sales.kpis(period, currency);
        return new KpisResponse(from, to, currency, kpis.gmv(), kpis.orders(), kpis.averageOrderValue());
    }
}
