package io.tienda.payment.payments.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.payment.payments.Payments;
import io.tienda.payment.payments.persistence.PaymentRepository;
import io.tienda.payment.payments.persistence.PaymentRepository.Filter;
import io.tienda.platform.security.CurrentUser;
import io.tienda.platform.core.Roles;
import io.tienda.platform.core.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "Payments", description = "Payments of orders")
@RestController
@RequestMapping("/api/v1/payments")
class PaymentResource {

    private final PaymentRepository payments;
    private final Payments reading;
    private final CurrentUser currentUser;

    PaymentResource(PaymentRepository payments, Payments reading, CurrentUser currentUser) {
        this.payments = payments;
        this.reading = reading;
        this.currentUser = currentUser;
    }

    @Operation(summary = "One payment with its ledger and refunds",
            description = "The order's customer or staff (SUPPORT, MANAGER, ADMIN); anyone else gets 404. While the "
                    + "provider waits for the shopper (3-D Secure), nextAction says what to do; its clientSecret is "
                    + "given to the order's customer only.")
    @GetMapping("/{id}")
    public PaymentDetails get(@PathVariable UUID id) {
        Payments.PaymentRecord found = reading.get(id);
        currentUser.requireOwnerOr(found.payment().customerId(), "payment", id, Roles.STAFF);
        String owner = found.payment().customerId();
        return PaymentDetails.of(found, currentUser.id().map(owner::equals).orElse(false));
    }

    @Operation(summary = "List payments, newest first",
            description = "A customer sees the payments of their own orders; staff (SUPPORT, MANAGER, ADMIN) see "
                    + "all. Filter by orderId to see one order's payment attempts.")
    @GetMapping
    public Page<PaymentView> list(
            @Parameter(description = "only this order's payments") @RequestParam(required = false) UUID orderId,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0")
            @PositiveOrZero @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "payments per page") @RequestParam(defaultValue = Page.DEFAULT_SIZE)
            @Min(1) @Max(Page.MAX_SIZE) int size) {
        String caller = currentUser.requireId();
        boolean staff = currentUser.isStaff();
        // Another customer's order id simply matches nothing: the answer reveals no one else's payments.
        Filter filter = new Filter(staff ? null : caller, orderId);
        return new Page<>(payments.find(filter, Page.offset(page, size), size), page, size, payments.count(filter))
                .map(PaymentView::of);
    }
}
