package io.tienda.order.orders.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.order.orders.api.OrderResponses.OrderDetails;
import io.tienda.order.orders.api.OrderResponses.OrderSummary;
import io.tienda.order.orders.domain.Order;
import io.tienda.order.orders.persistence.OrderRepository;
import io.tienda.platform.security.CurrentUser;
import io.tienda.platform.core.Roles;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.core.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@Tag(name = "Orders", description = "A customer's orders and where they are")
@RestController
@RequestMapping("/api/v1/orders")
class OrderResource {

    private final OrderRepository orders;
    private final CurrentUser currentUser;

    OrderResource(OrderRepository orders, CurrentUser currentUser) {
        this.orders = orders;
        this.currentUser = currentUser;
    }

    @Operation(summary = "List orders, newest first",
            description = "The caller's own orders. Staff (SUPPORT, MANAGER, ADMIN) may pass customerId to list "
                    + "a customer's orders; for anyone else another customer's orders do not exist (404).")
    @GetMapping
    public Page<OrderSummary> list(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0")
            @PositiveOrZero @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "orders per page") @RequestParam(defaultValue = Page.DEFAULT_SIZE)
            @Min(1) @Max(Page.MAX_SIZE) int size,
            @Parameter(description = "staff only: whose orders to list") @RequestParam(required = false)
            @Size(min = 1, max = 128) String customerId) {
        String customer = customerToList(customerId);
        List<Order> found = orders.findByCustomer(customer, Page.offset(page, size), size);
        return new Page<>(found, page, size, orders.countByCustomer(customer)).map(OrderSummary::of);
    }

    @Operation(summary = "One order with its lines",
            description = "The owner and staff see it; for anyone else it does not exist (404).")
    @GetMapping("/{id}")
    public OrderDetails get(@PathVariable UUID id) {
        Order order = orders.findById(id).orElseThrow(() -> DomainException.notFound("order", id));
        currentUser.requireOwnerOr(order.customerId(), "order", id, Roles.STAFF);
        return OrderDetails.of(order);
    }

    /** Like any other resource, someone else's order list does not exist for a customer. */
    private String customerToList(String requested) {
        String customer = requested == null ? currentUser.requireId() : requested;
        currentUser.requireOwnerOr(customer, "customer", customer, Roles.STAFF);
        return customer;
    }
}
