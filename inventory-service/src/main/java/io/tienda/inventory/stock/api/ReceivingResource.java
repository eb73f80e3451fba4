package io.tienda.inventory.stock.api;

import io.tienda.platform.core.IdempotencyKeys;
import io.tienda.platform.core.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.inventory.stock.Receiving;
import io.tienda.inventory.stock.domain.AdjustmentReason;
import io.tienda.inventory.stock.domain.Sku;
import io.tienda.inventory.warehouse.domain.Warehouse;
import io.tienda.platform.security.CurrentUser;
import io.tienda.platform.web.IdempotentAnswers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Inventory", description = "Stock levels, availability and the ledger of movements")
@RestController
@RequestMapping("/api/v1/inventory")
@PreAuthorize(Roles.HAS_EDITOR)
class ReceivingResource {

    private final Receiving receiving;
    private final CurrentUser currentUser;

    ReceivingResource(Receiving receiving, CurrentUser currentUser) {
        this.receiving = receiving;
        this.currentUser = currentUser;
    }

    @Schema(description = "Goods that arrived from a supplier")
    record ReceiptRequest(
            @Schema(example = "TSHIRT-RED-M") @NotNull @Pattern(regexp = Sku.PATTERN) String sku,
            @Schema(example = "MAD-1") @NotNull @Pattern(regexp = Warehouse.CODE) String warehouse,
            @Schema(example = "24") @NotNull @Min(1) @Max(StockViews.MAX_QUANTITY) Integer quantity,
            @Schema(description = "e.g. the purchase order", example = "PO-2026-0042") @Size(max = 200)
            String reference,
            @Size(max = 1000) String note) {
    }

    @Schema(description = "A correction of the books")
    record AdjustmentRequest(
            @Schema(example = "TSHIRT-RED-M") @NotNull @Pattern(regexp = Sku.PATTERN) String sku,
            @Schema(example = "MAD-1") @NotNull @Pattern(regexp = Warehouse.CODE) String warehouse,
            @Schema(description = "units to add (positive) or take away (negative); never 0", example = "-2")
            @NotNull @NotZero @Min(-StockViews.MAX_QUANTITY) @Max(StockViews.MAX_QUANTITY) Integer quantity,
            @NotNull AdjustmentReason reason,
            @Size(max = 1000) String note) {
    }

    @Operation(summary = "Receive goods into a warehouse", description = "MANAGER and ADMIN. Adds quantity units "
            + "on hand and records a RECEIPT movement. A retry with the same Idempotency-Key answers the first "
            + "result again without receiving twice (header Idempotent-Replayed: true); the same key with a "
            + "different body is 422. An unknown warehouse is 422.")
    @PostMapping("/receipts")
    public ResponseEntity<StockViews.ChangeView> receive(
            @Parameter(description = "makes retries safe: " + IdempotencyKeys.RULE)
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ReceiptRequest body) {
        IdempotencyKeys.optional(idempotencyKey);
        Receiving.Answer answer = receiving.receive(new Receiving.Receipt(body.sku(), body.warehouse(),
                body.quantity(), body.reference(), body.note()), currentUser.requireId(), idempotencyKey);
        return created(answer);
    }

    @Operation(summary = "Correct the stock of a SKU in a warehouse", description = "MANAGER and ADMIN. Adds or "
            + "takes away units on hand with a reason, recorded as an ADJUSTMENT movement. Taking away more than "
            + "is available (on hand minus reserved) is 409 insufficient-stock. Idempotency-Key as for receipts.")
    @PostMapping("/adjustments")
    public ResponseEntity<StockViews.ChangeView> adjust(
            @Parameter(description = "makes retries safe: " + IdempotencyKeys.RULE)
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody AdjustmentRequest body) {
        IdempotencyKeys.optional(idempotencyKey);
        Receiving.Answer answer = receiving.adjust(new Receiving.Adjustment(body.sku(), body.warehouse(),
                body.quantity(), body.reason(), body.note()), currentUser.requireId(), idempotencyKey);
        return created(answer);
    }

    private static ResponseEntity<StockViews.ChangeView> created(Receiving.Answer answer) {
        return IdempotentAnswers.answer(HttpStatus.CREATED, answer.replayed())
                .body(StockViews.ChangeView.of(answer.change()));
    }
}
