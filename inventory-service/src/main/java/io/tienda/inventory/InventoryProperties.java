package io.tienda.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * What operations may tune in inventory-service ({@code tienda.inventory.*}). Defaults are the
 * production values.
 *
 * @param defaultWarehouse the code of the warehouse where new catalog SKUs are registered
 */
@Validated
@ConfigurationProperties("tienda.inventory")
public record InventoryProperties(
        @DefaultValue("MAD-1") @NotBlank String defaultWarehouse,
        @DefaultValue @Valid Commands commands,
        @DefaultValue @Valid Reservations reservations,
        @DefaultValue DemoStock demoStock,
        @DefaultValue @Valid Forecast forecast,
        @DefaultValue Idempotency idempotency,
        @DefaultValue @Valid Warehouses warehouses) {

    /**
     * @param concurrency consumer threads on {@code inventory.commands}; at most its partition count do work
     */
    public record Commands(@DefaultValue("3") @Min(1) @Max(64) int concurrency) {
    }

    /**
     * @param maxHold        the longest a checkout may hold stock; a later {@code expiresAt} is cut to this
     * @param sweepInterval  how often expired reservations are looked for and released
     * @param sweepBatch     reservations released per transaction by the sweeper
     */
    public record Reservations(@DefaultValue("1h") Duration maxHold, @DefaultValue("30s") Duration sweepInterval,
            @DefaultValue("100") @Min(1) @Max(10_000) int sweepBatch) {
    }

    /**
     * @param enabled give every SKU the catalog announces a deterministic starting quantity, so a
     *                local fleet has something to sell; never in production
     */
    public record DemoStock(@DefaultValue("false") boolean enabled) {
    }

    /**
     * @param historyDays  complete days of committed sales the forecast looks back at
     * @param leadTimeDays days between ordering from a supplier and the goods arriving
     * @param alpha        Holt's level smoothing: higher follows recent days more closely
     * @param beta         Holt's trend smoothing: higher lets the trend turn faster
     * @param safetyFactor standard deviations of forecast error kept as safety stock (1.65 is about a
     *                     95% chance of not running out during the lead time)
     * @param minHoltDays  fewer days of history than this and the trend is not trusted: simple
     *                     exponential smoothing is used instead
     */
    public record Forecast(@DefaultValue("56") @Min(1) @Max(730) int historyDays,
            @DefaultValue("7") @Min(1) @Max(365) int leadTimeDays,
            @DefaultValue("0.3") @DecimalMin("0.01") @DecimalMax("1.0") double alpha,
            @DefaultValue("0.1") @DecimalMin("0.0") @DecimalMax("1.0") double beta,
            @DefaultValue("1.65") @DecimalMin("0.0") @DecimalMax("5.0") double safetyFactor,
            @DefaultValue("14") @Min(2) int minHoltDays) {
    }

    /**
     * @param recomputeBatch         SKUs whose availability is recomputed per transaction after a warehouse
     *                               closes or reopens: each batch holds their availability locks until it
     *                               commits, so a smaller batch blocks their reservations for less time
     * @param recomputeSweepInterval how often recomputes left unfinished (by an instance that stopped or
     *                               failed half-way) are looked for and completed
     */
    public record Warehouses(@DefaultValue("500") @Min(1) @Max(10_000) int recomputeBatch,
            @DefaultValue("1m") Duration recomputeSweepInterval) {
    }

    /** @param retention how long an Idempotency-Key is remembered */
    public record Idempotency(@DefaultValue("7d") Duration retention) {
    }
}
