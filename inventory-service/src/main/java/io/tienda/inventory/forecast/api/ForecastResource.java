package io.tienda.inventory.forecast.api;

import io.tienda.platform.core.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.inventory.forecast.Forecasts;
import io.tienda.inventory.forecast.domain.Forecast;
import io.tienda.inventory.stock.domain.Sku;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@Tag(name = "Inventory", description = "Stock levels, availability and the ledger of movements")
@RestController
@RequestMapping("/api/v1/inventory")
class ForecastResource {

    private final Forecasts forecasts;

    ForecastResource(Forecasts forecasts) {
        this.forecasts = forecasts;
    }

    @Operation(summary = "Demand forecast and reorder suggestion for a SKU", description = "SUPPORT, MANAGER, "
            + "ADMIN and ANALYST. Learns from committed sales per UTC day over the last complete days (zero-filled, "
            + "from the SKU's first movement at the earliest) with Holt's linear method, or simple exponential "
            + "smoothing when there are fewer days than tienda.inventory.forecast.min-holt-days. "
            + "suggestedReorderQuantity = demand over the lead time + safety stock - available, never negative; "
            + "daysOfCover is null when nothing is expected to sell.")
    @GetMapping("/{sku}/forecast")
    @PreAuthorize(Roles.HAS_STAFF_OR_ANALYST)
    public ForecastView forecast(@PathVariable @Pattern(regexp = Sku.PATTERN) String sku,
            @Parameter(description = "days of history to learn from; default tienda.inventory.forecast.history-days")
            @RequestParam(required = false) @Min(1) @Max(730) Integer historyDays,
            @Parameter(description = "the supplier's lead time in days; "
                    + "default tienda.inventory.forecast.lead-time-days")
            @RequestParam(required = false) @Min(1) @Max(365) Integer leadTimeDays) {
        return ForecastView.of(forecasts.forecast(sku, historyDays, leadTimeDays));
    }

    @Schema(description = "What a SKU will probably sell, and what to order so that it does not run out")
    record ForecastView(String sku,
            @Schema(description = "HOLT (level and trend), SES (level only, short history) or NONE (no sales)")
            Forecast.Method method,
            @Schema(description = "units for sale now over the active warehouses") long available,
            @Schema(description = "units expected to sell tomorrow") double dailyForecast,
            @Schema(description = "units expected per day over the lead time, tomorrow first") List<Double> nextDays,
            int leadTimeDays,
            @Schema(description = "units expected to sell over the lead time") double leadTimeDemand,
            @Schema(description = "units kept against forecast error over the lead time") double safetyStock,
            long suggestedReorderQuantity,
            @Schema(description = "days until the available units are sold; null when nothing is expected to sell")
            Double daysOfCover,
            History history,
            Parameters parameters) {

        static ForecastView of(Forecasts.SkuForecast f) {
            Forecast forecast = f.forecast();
            History history = f.history().isEmpty() ? new History(null, null, 0, List.of())
                    : new History(f.from(), f.to(), f.history().size(), f.history());
            return new ForecastView(f.sku(), forecast.method(), forecast.available(), round(forecast.dailyForecast()),
                    forecast.nextDays().stream().map(ForecastView::round).toList(), f.parameters().leadTimeDays(),
                    round(forecast.leadTimeDemand()), round(forecast.safetyStock()),
                    forecast.suggestedReorderQuantity(),
                    forecast.daysOfCover() == null ? null : round(forecast.daysOfCover()), history,
                    new Parameters(f.parameters().alpha(), f.parameters().beta(), f.parameters().safetyFactor()));
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }

    @Schema(description = "The committed sales the forecast learnt from, one number per UTC day, oldest first")
    record History(LocalDate from, LocalDate to, int days, List<Integer> dailySales) {
    }

    @Schema(description = "The smoothing parameters used")
    record Parameters(double alpha, double beta, double safetyFactor) {
    }
}
