package io.tienda.returns.requests.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.returns.requests.domain.ReturnReason;
import io.tienda.returns.requests.domain.ReturnResolution;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** The bodies the returns endpoints take. */
final class ReturnRequests {

    static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private ReturnRequests() {
    }

    @Schema(description = "What a customer asks to send back")
    record NewReturn(@NotNull UUID orderId, @NotNull ReturnResolution resolution,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull NewLine> lines) {
    }

    record NewLine(@Schema(example = "TSHIRT-RED-M") @NotNull @Pattern(regexp = SKU) String sku,
            @NotNull @Min(1) @Max(10000) Integer quantity,
            @NotNull ReturnReason reason,
            @Size(max = 2000) String comment,
            @Schema(description = "exchange only: the same SKU or another variant of the same product; "
                    + "defaults to the same SKU", example = "TSHIRT-RED-L") @Pattern(regexp = SKU) String exchangeSku) {
    }

    @Schema(description = "An optional note for the history")
    record Note(@Size(max = 2000) String note) {
    }

    @Schema(description = "Why the return is refused; the customer is told")
    record Rejection(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "How the failed refund was paid another way, for the return's history")
    record OutsideSettlement(@Schema(example = "bank transfer 2026-12-05, ref. 4471") @NotBlank @Size(max = 1000)
            String note) {
    }

    @Schema(description = "The warehouse's findings, one per returned line")
    record InspectionReport(@NotEmpty @Size(max = 100) List<@Valid @NotNull Finding> lines,
            @Size(max = 2000) String note) {
    }

    record Finding(@NotNull @Pattern(regexp = SKU) String sku,
            @Schema(description = "units accepted back, 0 up to the units sent") @NotNull @Min(0) @Max(10000)
            Integer acceptedQuantity,
            @Schema(description = "whether the accepted units can be sold again") @NotNull Boolean restockable) {
    }
}
