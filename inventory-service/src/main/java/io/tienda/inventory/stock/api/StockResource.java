package io.tienda.inventory.stock.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.inventory.stock.domain.Availability;
import io.tienda.inventory.stock.domain.StockLevel;
import io.tienda.inventory.stock.persistence.StockRepository;
import io.tienda.platform.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Inventory", description = "Stock levels and availability")
@RestController
@RequestMapping("/api/v1/inventory")
class StockResource {

    /** SKUs as the catalog writes them; anything else cannot be stocked, so it is refused up front. */
    static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final StockRepository stock;

    StockResource(StockRepository stock) {
        this.stock = stock;
    }

    @Operation(summary = "Whether a SKU can be bought now",
            description = "Public. Units on hand minus units reserved by checkouts, summed over the active "
                    + "warehouses. A SKU nobody has stocked answers available 0 and inStock false rather than 404: "
                    + "its availability is zero, which is not an error.")
    @GetMapping("/{sku}")
    public AvailabilityView availability(
            @Parameter(description = "the SKU, e.g. TSHIRT-RED-M") @PathVariable @Pattern(regexp = SKU) String sku) {
        return AvailabilityView.of(stock.availability(sku));
    }

    @Operation(summary = "Stock per SKU and warehouse", description = "MANAGER and ADMIN only. "
            + "lowStock=true lists the rows at or below their reorder point, lowStock=false the others.")
    @GetMapping
    @PreAuthorize("hasAnyRole('MANAGER','ADMIN')")
    public Page<StockLevelView> list(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0")
            @PositiveOrZero @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "rows per page") @RequestParam(defaultValue = Page.DEFAULT_SIZE)
            @Min(1) @Max(Page.MAX_SIZE) int size,
            @Parameter(description = "only low (true) or only sufficient (false) stock; all when absent")
            @RequestParam(required = false) Boolean lowStock) {
        return new Page<>(stock.find(lowStock, Page.offset(page, size), size), page, size, stock.count(lowStock))
                .map(StockLevelView::of);
    }

    @Schema(description = "How many units of a SKU can be bought now")
    record AvailabilityView(String sku, long available, boolean inStock) {

        static AvailabilityView of(Availability availability) {
            return new AvailabilityView(availability.sku(), availability.available(), availability.inStock());
        }
    }

    @Schema(description = "The stock of one SKU in one warehouse")
    record StockLevelView(String sku, String warehouse, int onHand, int reserved,
            @Schema(description = "onHand - reserved") int available, int reorderPoint, int reorderQuantity,
            @Schema(description = "available is at or below reorderPoint") boolean lowStock) {

        static StockLevelView of(StockLevel level) {
            return new StockLevelView(level.sku(), level.warehouseCode(), level.onHand(), level.reserved(),
                    level.available(), level.reorderPoint(), level.reorderQuantity(), level.lowStock());
        }
    }
}
