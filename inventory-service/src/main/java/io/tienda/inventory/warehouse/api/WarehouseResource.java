package io.tienda.inventory.warehouse.api;

import io.tienda.inventory.InventoryProblems;
import io.tienda.platform.core.Roles;
import io.tienda.platform.core.TextRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.inventory.warehouse.Warehouses;
import io.tienda.inventory.warehouse.domain.Warehouse;
import io.tienda.platform.core.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

@Tag(name = "Warehouses", description = "Where stock is kept")
@RestController
@RequestMapping("/api/v1/warehouses")
class WarehouseResource {

    private final Warehouses warehouses;

    WarehouseResource(Warehouses warehouses) {
        this.warehouses = warehouses;
    }

    @Operation(summary = "List warehouses by code", description = "SUPPORT, MANAGER and ADMIN.")
    @GetMapping
    @PreAuthorize(Roles.HAS_STAFF)
    public Page<WarehouseView> list(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0")
            @PositiveOrZero @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "warehouses per page") @RequestParam(defaultValue = Page.DEFAULT_SIZE)
            @Min(1) @Max(Page.MAX_SIZE) int size,
            @Parameter(description = "only active (true) or only inactive (false) warehouses")
            @RequestParam(required = false) Boolean active) {
        return warehouses.list(active, page, size).map(WarehouseView::of);
    }

    @Operation(summary = "One warehouse", description = "SUPPORT, MANAGER and ADMIN.")
    @GetMapping("/{code}")
    @PreAuthorize(Roles.HAS_STAFF)
    public WarehouseView get(@PathVariable @Pattern(regexp = Warehouse.CODE) String code) {
        return WarehouseView.of(warehouses.get(code));
    }

    @Operation(summary = "Open a warehouse", description = "MANAGER and ADMIN. It starts active and empty. When "
            + "several warehouses can fill a whole order, the lowest priority number ships it. 409 when the code "
            + "is taken.")
    @PostMapping
    @PreAuthorize(Roles.HAS_EDITOR)
    public ResponseEntity<WarehouseView> create(@Valid @RequestBody NewWarehouse body) {
        int priority = body.priority() == null ? Warehouse.DEFAULT_PRIORITY : body.priority();
        Warehouse warehouse = warehouses.create(body.code(), body.name().strip(), priority);
        return ResponseEntity.created(URI.create("/api/v1/warehouses/" + warehouse.code()))
                .body(WarehouseView.of(warehouse));
    }

    @Operation(summary = "Rename, reprioritise, close or reopen a warehouse", description = "MANAGER and ADMIN. "
            + "Only the fields sent change. A closed (active=false) warehouse's stock stops counting as available "
            + "and it is no longer chosen for reservations; reservations it already holds are committed or "
            + "released as usual. The status applies as soon as this answers (public availability and new "
            + "reservations see it at once); the availability events of the SKUs it holds are republished "
            + "afterwards, in batches: the answer and GET say availabilityPending=true until every SKU is done.")
    @PatchMapping("/{code}")
    @PreAuthorize(Roles.HAS_EDITOR)
    public WarehouseView change(@PathVariable @Pattern(regexp = Warehouse.CODE) String code,
            @Valid @RequestBody WarehouseChange body) {
        String name = body.name() == null ? null : body.name().strip();
        // blank as strip() sees it: a name of only Unicode spaces (an em space) would be stored empty
        if (name != null && name.isEmpty()) {
            throw InventoryProblems.invalidField("name", "must not be blank");
        }
        return WarehouseView.of(warehouses.change(code, new Warehouses.Change(name, body.priority(), body.active())));
    }

    @Schema(description = "A warehouse to open")
    record NewWarehouse(
            @Schema(example = "BCN-1") @NotNull @Pattern(regexp = Warehouse.CODE) String code,
            @Schema(example = "Barcelona port") @NotBlank @Size(max = 200)
            @Pattern(regexp = TextRules.SINGLE_LINE_PATTERN, message = TextRules.SINGLE_LINE_MESSAGE) String name,
            @Schema(description = "lower ships first; default 100", example = "20")
            @Min(Warehouse.MIN_PRIORITY) @Max(Warehouse.MAX_PRIORITY) Integer priority) {
    }

    @Schema(description = "Only the fields to change")
    record WarehouseChange(
            @Size(min = 1, max = 200)
            @Pattern(regexp = TextRules.SINGLE_LINE_PATTERN, message = TextRules.SINGLE_LINE_MESSAGE) String name,
            @Min(Warehouse.MIN_PRIORITY) @Max(Warehouse.MAX_PRIORITY) Integer priority,
            Boolean active) {
    }

    @Schema(description = "A place that holds stock")
    record WarehouseView(UUID id, String code, String name, int priority, boolean active,
            @Schema(description = "true while the availability of the SKUs it holds is being republished after "
                    + "it closed or reopened") boolean availabilityPending) {

        static WarehouseView of(Warehouse warehouse) {
            return new WarehouseView(warehouse.id(), warehouse.code(), warehouse.name(), warehouse.priority(),
                    warehouse.active(), warehouse.availabilityPending());
        }
    }
}
