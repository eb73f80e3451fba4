package io.tienda.order.shipping.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.order.orders.OrderQueries;
import io.tienda.order.orders.api.OrderResponses.OrderDetails;
import io.tienda.order.shipping.Shipping;
import io.tienda.platform.core.Roles;
import io.tienda.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "Shipping", description = "Staff mark orders shipped and delivered")
@RestController
@RequestMapping("/api/v1/orders/{id}")
@PreAuthorize(Roles.HAS_EDITOR)
class ShippingResource {

    private final Shipping shipping;
    private final OrderQueries queries;
    private final CurrentUser currentUser;

    ShippingResource(Shipping shipping, OrderQueries queries, CurrentUser currentUser) {
        this.shipping = shipping;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @Schema(description = "How the order travels")
    record ShipmentRequest(@NotBlank @Size(max = 100) @Schema(example = "SEUR") String carrier,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._/-]{0,99}") @Schema(example = "1Z999AA10123456784")
            String trackingNumber) {
    }

    @Operation(summary = "Mark a confirmed order shipped (MANAGER, ADMIN)",
            description = "409 illegal-transition unless CONFIRMED; 409 checkout-in-progress while the payment is "
                    + "not captured yet. Publishes order.shipped.")
    @PostMapping("/shipment")
    public OrderDetails ship(@PathVariable UUID id, @Valid @RequestBody ShipmentRequest request) {
        return OrderDetails.of(shipping.ship(id, request.carrier(), request.trackingNumber(),
                currentUser.requireId()), queries.replaced(id).orElse(null));
    }

    @Operation(summary = "Mark a shipped order delivered (MANAGER, ADMIN)",
            description = "409 illegal-transition unless SHIPPED. Publishes order.delivered.")
    @PostMapping("/delivery")
    public OrderDetails deliver(@PathVariable UUID id) {
        return OrderDetails.of(shipping.deliver(id, currentUser.requireId()), queries.replaced(id).orElse(null));
    }
}
