package io.tienda.inventory.warehouse.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.inventory.warehouse.domain.Warehouse;
import io.tienda.inventory.warehouse.persistence.WarehouseRepository;
import io.tienda.platform.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "Warehouses", description = "Where stock is kept")
@RestController
@RequestMapping("/api/v1/warehouses")
class WarehouseResource {

    private final WarehouseRepository warehouses;

    WarehouseResource(WarehouseRepository warehouses) {
        this.warehouses = warehouses;
    }

    @Operation(summary = "List warehouses by code", description = "MANAGER and ADMIN only.")
    @GetMapping
    @PreAuthorize("hasAnyRole('MANAGER','ADMIN')")
    public Page<WarehouseView> list(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0")
            @PositiveOrZero @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "warehouses per page") @RequestParam(defaultValue = Page.DEFAULT_SIZE)
            @Min(1) @Max(Page.MAX_SIZE) int size) {
        return new Page<>(warehouses.find(Page.offset(page, size), size), page, size, warehouses.count())
                .map(WarehouseView::of);
    }

    record WarehouseView(UUID id, String code, String name, boolean active) {

        static WarehouseView of(Warehouse warehouse) {
            return new WarehouseView(warehouse.id(), warehouse.code(), warehouse.name(), warehouse.active());
        }
    }
}
