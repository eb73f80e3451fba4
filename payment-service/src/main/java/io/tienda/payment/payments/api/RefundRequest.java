package io.tienda.payment.payments.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@Schema(description = "A refund of part or all of a captured payment, in the payment's currency")
record RefundRequest(
        @Schema(description = "minor units of the payment's currency", example = "1299")
        @NotNull @Positive @Max(100_000_000_000L) Long amount,
        @Schema(example = "damaged on arrival") @NotBlank @Size(max = 500) String reason) {
}
