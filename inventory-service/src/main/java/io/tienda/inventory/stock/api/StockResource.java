package io.tienda.inventory.stock.api;

import io.tienda.platform.core.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.inventory.stock.Receiving;
import io.tienda.inventory.stock.domain.Availability;
import io.tienda.inventory.stock.domain.Sku;
import io.tienda.inventory.stock.persistence.MovementRepository;
import io.tienda.inventory.stock.persistence.StockFilter;
import io.tienda.inventory.stock.persistence.StockRepository;
import io.tienda.inventory.warehouse.domain.Warehouse;
import io.tienda.platform.core.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Inventory", description = "Stock levels, availability and the ledger of movements")
@RestController
@RequestMapping("/api/v1/inventory")
class StockResource {

    private final StockRepository stock;
    private final MovementRepository movements;
    private final Receiving receiving;

    StockResource(StockRepository stock, MovementRepository movements, Receiving receiving) {
        this.stock = stock;
        this.movements = movements;
        this.receiving = receiving;
    }

    @Operation(summary = "Whether a SKU can be bought now",
            description = "Public. Units on hand minus units reserved by checkouts, summed over the active "
                    + "warehouses. A SKU nobody has stocked answers available 0 and inStock false rather than 404: "
                    + "its availability is zero, which is not an error.")
    @GetMapping("/{sku}")
    public AvailabilityView availability(
            @Parameter(description = "the SKU, e.g. TSHIRT-RED-M") @PathVariable @Pattern(regexp = Sku.PATTERN)
            String sku) {
        return AvailabilityView.of(stock.availability(sku));
    }

    @Operation(summary = "Stock per SKU and warehouse", description = "SUPPORT, MANAGER and ADMIN. Rows by SKU, "
            + "then warehouse code. sku filters by prefix, warehouse by code; lowStock=true lists the rows at or "
            + "below their reorder point, lowStock=false the others.")
    @GetMapping
    @PreAuthorize(Roles.HAS_STAFF)
    public Page<StockViews.StockLevelView> list(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0")
            @PositiveOrZero @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "rows per page") @RequestParam(defaultValue = Page.DEFAULT_SIZE)
            @Min(1) @Max(Page.MAX_SIZE) int size,
            @Parameter(description = "only SKUs that start with this") @RequestParam(required = false)
            @Pattern(regexp = Sku.PATTERN) String sku,
            @Parameter(description = "only this warehouse, by code, e.g. MAD-1") @RequestParam(required = false)
            @Pattern(regexp = Warehouse.CODE) String warehouse,
            @Parameter(description = "only low (true) or only sufficient (false) stock; all when absent")
            @RequestParam(required = false) Boolean lowStock) {
        StockFilter filter = new StockFilter(sku, warehouse, lowStock);
        return new Page<>(stock.find(filter, Page.offset(page, size), size), page, size, stock.count(filter))
                .map(StockViews.StockLevelView::of);
    }

    @Operation(summary = "The ledger of a SKU", description = "SUPPORT, MANAGER and ADMIN. Every movement of the "
            + "SKU, newest first: receipts, adjustments with their reason, reservations, releases, commits and "
            + "restocks, with who made them and what caused them.")
    @GetMapping("/{sku}/movements")
    @PreAuthorize(Roles.HAS_STAFF)
    public Page<StockViews.MovementView> movements(
            @PathVariable @Pattern(regexp = Sku.PATTERN) String sku,
            @Parameter(description = "only this warehouse, by code") @RequestParam(required = false)
            @Pattern(regexp = Warehouse.CODE) String warehouse,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0")
            @PositiveOrZero @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "movements per page") @RequestParam(defaultValue = Page.DEFAULT_SIZE)
            @Min(1) @Max(Page.MAX_SIZE) int size) {
        return new Page<>(movements.find(sku, warehouse, Page.offset(page, size), size), page, size,
                movements.count(sku, warehouse)).map(StockViews.MovementView::of);
    }

    @Operation(summary = "Set when to reorder a SKU in a warehouse", description = "MANAGER and ADMIN. When "
            + "available falls to reorderPoint, inventory.low_stock is published and the row is listed as low; "
            + "reorderQuantity is what buyers are told to order. 404 when the warehouse holds no row of the SKU.")
    @PutMapping("/{sku}/reorder-policy")
    @PreAuthorize(Roles.HAS_EDITOR)
    public StockViews.StockLevelView reorderPolicy(@PathVariable @Pattern(regexp = Sku.PATTERN) String sku,
            @Valid @RequestBody ReorderPolicy body) {
        return StockViews.StockLevelView.of(
                receiving.changeReorderPolicy(sku, body.warehouse(), body.reorderPoint(), body.reorderQuantity()));
    }

    @Schema(description = "When to reorder a SKU in one warehouse, and how much")
    record ReorderPolicy(
            @Schema(example = "MAD-1") @NotNull @Pattern(regexp = Warehouse.CODE) String warehouse,
            @Schema(example = "10") @NotNull @PositiveOrZero @Max(StockViews.MAX_QUANTITY) Integer reorderPoint,
            @Schema(example = "50") @NotNull @PositiveOrZero @Max(StockViews.MAX_QUANTITY) Integer reorderQuantity) {
    }

    @Schema(description = "How many units of a SKU can be bought now")
    record AvailabilityView(String sku, long available, boolean inStock) {

        static AvailabilityView of(Availability availability) {
            return new AvailabilityView(availability.sku(), availability.available(), availability.inStock());
        }
    }
}
