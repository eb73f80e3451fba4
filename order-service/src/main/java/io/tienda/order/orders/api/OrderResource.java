package io.tienda.order.orders.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.order.OrderProperties;
import io.tienda.order.orders.OrderChanges;
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
import io.tienda.platform.web.EntityTags;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

@Tag(name = "Orders", description = "A customer's orders and where they are; all orders for staff")
@RestController
@RequestMapping("/api/v1/orders")
class OrderResource {

    static final String PREFERENCE_APPLIED = "Preference-Applied";

    private final OrderQueries queries;
    private final CurrentUser currentUser;
    private final OrderChanges changes;
    private final OrderProperties properties;

    OrderResource(OrderQueries queries, CurrentUser currentUser, OrderChanges changes, OrderProperties properties) {
        this.queries = queries;
        this.currentUser = currentUser;
        this.changes = changes;
        this.properties = properties;
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
                    + "in replaces. The ETag is the order's version: with If-None-Match naming it the answer is an "
                    + "empty 304 while the order is unchanged. Adding `Prefer: wait=N` (RFC 7240) makes that read "
                    + "wait up to N seconds (at most tienda.orders.waits.max, 5 s by default) for the order to change "
                    + "and answer 200 as soon as it does, else 304 when the time is up; Preference-Applied says the "
                    + "wait was honoured. A checkout page thus learns that its order is confirmed the moment it is, "
                    + "without polling.")
    @GetMapping("/{id}")
    public CompletableFuture<ResponseEntity<OrderDetails>> get(@PathVariable UUID id,
            @Parameter(description = "the ETag of the order as the client has it") @RequestHeader(
                    value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @Parameter(description = "wait=N: wait up to N seconds for the order to differ from If-None-Match")
            @RequestHeader(value = "Prefer", required = false) String prefer) {
        Caller caller = Callers.of(currentUser);
        Order order = queries.get(id, caller);
        if (!EntityTags.noneMatchNames(ifNoneMatch, etag(order))) {
            return CompletableFuture.completedFuture(answer(order, caller, null));
        }
        Optional<Duration> wait = WaitPreference.of(prefer, properties.waits().max());
        Optional<CompletableFuture<Boolean>> change = wait
                .flatMap(duration -> changes.changeOf(id, order.version(), duration));
        if (change.isEmpty()) {
            return CompletableFuture.completedFuture(notModified(order, null));
        }
        String applied = WaitPreference.applied(wait.get());
        // read again on a thread of its own: the change is announced from the writer's commit
        return change.get().thenApplyAsync(changed -> {
            Order now = queries.get(id, caller);
            return now.version() == order.version() ? notModified(now, applied) : answer(now, caller, applied);
        }, changes.readers());
    }

    private ResponseEntity<OrderDetails> answer(Order order, Caller caller, String preferenceApplied) {
        ReplacedOrder replaced = queries.replaced(order.id()).orElse(null);
        OrderDetails details = caller.id().equals(order.customerId()) ? OrderDetails.forOwner(order, replaced)
                : OrderDetails.of(order, replaced);
        return withHeaders(ResponseEntity.ok(), order, preferenceApplied).body(details);
    }

    private static ResponseEntity<OrderDetails> notModified(Order order, String preferenceApplied) {
        return withHeaders(ResponseEntity.status(HttpStatus.NOT_MODIFIED), order, preferenceApplied).build();
    }

    private static ResponseEntity.BodyBuilder withHeaders(ResponseEntity.BodyBuilder response, Order order,
            String preferenceApplied) {
        response.eTag(etag(order)).header(HttpHeaders.VARY, "Prefer");
        if (preferenceApplied != null) {
            response.header(PREFERENCE_APPLIED, preferenceApplied);
        }
        return response;
    }

    /** The order's version, which every stored change raises. */
    static String etag(Order order) {
        return "\"" + order.version() + "\"";
    }
}
