package io.tienda.order.orders.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.order.orders.OrderQueries;
import io.tienda.order.orders.api.OrderResponses.OrderDetails;
import io.tienda.order.orders.api.OrderResponses.OrderSummary;
import io.tienda.order.orders.domain.Caller;
import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.domain.OrderFilter;
import io.tienda.order.orders.domain.OrderStatus;
import io.tienda.order.orders.domain.ReplacedOrder;
import io.tienda.platform.core.Page;
import io.tienda.platform.security.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

@Tag(name = "Orders", description = "A customer's orders and where they are; all orders for staff")
@RestController
@RequestMapping("/api/v1/orders")
class OrderResource {

    private final OrderQueries queries;
    private final CurrentUser currentUser;

    OrderResource(OrderQueries queries, CurrentUser currentUser) {
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @Operation(summary = "List orders, newest first",
            description = "A customer lists their own orders. Staff (SUPPORT, MANAGER, ADMIN) list everyone's, "
                    + "filtered by customerId, status and the date placed (from inclusive, to exclusive); for "
                    + "a customer another customer's orders do not exist (404).")
    @GetMapping
    public Page<OrderSummary> list(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0")
            @PositiveOrZero @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "orders per page") @RequestParam(defaultValue = Page.DEFAULT_SIZE)
            @Min(1) @Max(Page.MAX_SIZE) int size,
            @Parameter(description = "whose orders (staff; a customer only their own)") @RequestParam(required = false)
            @Size(min = 1, max = 128) String customerId,
            @Parameter(description = "only orders in this status") @RequestParam(required = false) OrderStatus status,
            @Parameter(description = "placed at or after, ISO-8601") @RequestParam(required = false) Instant from,
            @Parameter(description = "placed before, ISO-8601") @RequestParam(required = false) Instant to) {
        return queries.list(new OrderFilter(customerId, status, from, to), Callers.of(currentUser), page, size)
                .map(OrderSummary::of);
    }

    @Operation(summary = "One order with its lines, tracking and history",
            description = "The owner and staff see it; for anyone else it does not exist (404). While the order is "
                    + "PENDING and the payment waits for the shopper (3-D Secure), nextAction says what to do. A free "
                    + "replacement order (an exchange) names the order it replaces and the return's reference "
                    + "in replaces.")
    @GetMapping("/{id}")
    public OrderDetails get(@PathVariable UUID id) {
        Caller caller = Callers.of(currentUser);
        Order order = queries.get(id, caller);
        ReplacedOrder replaced = queries.replaced(id).orElse(null);
        return caller.id().equals(order.customerId()) ? OrderDetails.forOwner(order, replaced)
                : OrderDetails.of(order, replaced);
    }
}
