package io.tienda.payment.payments.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.payment.payments.Refunds;
import io.tienda.platform.core.IdempotencyKeys;
import io.tienda.platform.core.Roles;
import io.tienda.platform.security.CurrentUser;
import io.tienda.platform.web.IdempotentAnswers;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "Refunds", description = "Refunds of captured payments by staff")
@RestController
@RequestMapping("/api/v1/payments/{id}/refunds")
class RefundResource {

    private final Refunds refunds;
    private final CurrentUser currentUser;

    RefundResource(Refunds refunds, CurrentUser currentUser) {
        this.refunds = refunds;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Refund part or all of a captured payment (MANAGER, ADMIN)",
            description = "At most once per Idempotency-Key: a retry answers the first answer again, 201 with "
                    + "Idempotent-Replayed: true; the same key with "
                    + "another body is 422. More than may still be refunded, or a payment not captured, is 409. The "
                    + "refund is SUCCEEDED, FAILED, or PENDING while the provider settles it.")
    @PostMapping
    @PreAuthorize(Roles.HAS_EDITOR)
    public ResponseEntity<RefundView> refund(@PathVariable UUID id,
            @Parameter(description = "makes a retried request harmless: " + IdempotencyKeys.RULE, required = true)
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody RefundRequest request) {
        IdempotencyKeys.required(idempotencyKey);
        Refunds.Outcome outcome = refunds.refundByStaff(id, idempotencyKey,
                new Refunds.StaffRefund(request.amount(), request.reason()), currentUser.requireId());
        return IdempotentAnswers.answer(HttpStatus.CREATED, outcome.replayed()).body(RefundView.of(outcome.refund()));
    }
}
