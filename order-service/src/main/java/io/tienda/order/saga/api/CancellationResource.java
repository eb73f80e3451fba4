package io.tienda.order.saga.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.order.orders.OrderQueries;
import io.tienda.order.orders.api.Callers;
import io.tienda.order.orders.api.OrderResponses.OrderDetails;
import io.tienda.order.orders.domain.StatusChange;
import io.tienda.order.saga.CheckoutSagas;
import io.tienda.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "Orders")
@RestController
@RequestMapping("/api/v1/orders/{id}/cancellation")
class CancellationResource {

    private final OrderQueries queries;
    private final CheckoutSagas sagas;
    private final CurrentUser currentUser;

    CancellationResource(OrderQueries queries, CheckoutSagas sagas, CurrentUser currentUser) {
        this.queries = queries;
        this.sagas = sagas;
        this.currentUser = currentUser;
    }

    @Schema(description = "Why the order is cancelled")
    record CancellationRequest(@Size(max = 500) @Schema(example = "ordered by mistake") String reason) {
    }

    @Operation(summary = "Cancel an order before it ships (its owner, or SUPPORT, MANAGER, ADMIN)",
            description = "The order is CANCELLED at once; its stock is released (or restocked once committed) "
                    + "and its payment voided (or refunded once captured) by the checkout saga. 409 "
                    + "illegal-transition once shipped, delivered, rejected or cancelled; 404 for someone "
                    + "else's order. Publishes order.cancelled.")
    @PostMapping
    public OrderDetails cancel(@PathVariable UUID id,
            @Valid @RequestBody(required = false) CancellationRequest request) {
        queries.get(id, Callers.of(currentUser));
        String why = request == null || request.reason() == null || request.reason().isBlank()
                ? (currentUser.isStaff() ? StatusChange.CANCELLED_BY_STAFF : StatusChange.CANCELLED_BY_CUSTOMER)
                : request.reason().strip();
        return OrderDetails.of(sagas.cancel(id, currentUser.requireId(), why), queries.replaced(id).orElse(null));
    }
}
