package io.tienda.order.saga.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.order.orders.domain.OrderStatus;
import io.tienda.order.orders.domain.Refund;
import io.tienda.order.saga.CheckoutReviews;
import io.tienda.order.saga.domain.Attention;
import io.tienda.order.saga.domain.CheckoutReview;
import io.tienda.order.saga.domain.CheckoutReview.RefundState;
import io.tienda.order.saga.domain.Compensation;
import io.tienda.order.saga.domain.SagaOutcome;
import io.tienda.order.saga.domain.SagaState;
import io.tienda.order.saga.domain.SagaStep;
import io.tienda.platform.core.Page;
import io.tienda.platform.core.Roles;
import io.tienda.platform.core.TextRules;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

@Tag(name = "Checkouts", description = "Staff review what a checkout saga could not settle by itself")
@RestController
@PreAuthorize(Roles.HAS_STAFF)
class CheckoutReviewResource {

    private final CheckoutReviews reviews;
    private final CurrentUser currentUser;

    CheckoutReviewResource(CheckoutReviews reviews, CurrentUser currentUser) {
        this.reviews = reviews;
        this.currentUser = currentUser;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "An order's checkout saga as it stands, and what of it needs someone")
    record CheckoutView(UUID orderId, String orderNumber, OrderStatus orderStatus,
            @Schema(description = "the saga's step; ENDED once nothing more is awaited or it gave up") SagaStep step,
            @Schema(description = "absent while the checkout goes forward") SagaOutcome outcome,
            @Schema(description = "why it was cancelled or rejected") String reason,
            @Schema(description = "compensations sent and not acknowledged yet (while COMPENSATING) or never "
                    + "(once ENDED)") Set<Compensation> awaiting,
            @Schema(description = "the refund of a cancelled, captured payment") RefundState refund,
            @Schema(description = "the refund as the order shows it to its shopper (PENDING, REFUNDED, FAILED); "
                    + "absent when it shows none") Refund.Status shopperRefund,
            @Schema(description = "what the refund is for: payment-service's answer to the reversal (the total "
                    + "less what was refunded before the cancellation), or the total it asked for until it "
                    + "answers; what staff pay when they pay it another way. Absent when there is no refund")
            RefundDue refundDue,
            @Schema(description = "what the saga left for operations; empty when nothing") Set<Attention> attention,
            @Schema(description = "attention is not empty and nobody has resolved it") boolean needsAttention,
            ResolutionView resolution, int attempts,
            @Schema(description = "when the current wait ends; absent once ENDED") Instant deadline,
            Instant startedAt, Instant updatedAt) {

        static CheckoutView of(CheckoutReview review) {
            SagaState saga = review.saga();
            return new CheckoutView(saga.orderId(), review.orderNumber(), review.orderStatus(), saga.step(),
                    saga.outcome(), saga.reason(), saga.pending(), review.refund(),
                    review.shopperRefund() == null ? null : review.shopperRefund().status(),
                    review.refund() == RefundState.NONE ? null
                            : new RefundDue(saga.refundDue(), saga.amount().currency()), review.attention(),
                    review.needsAttention(), ResolutionView.of(review.resolution()), saga.attempts(),
                    saga.deadline(), saga.startedAt(), saga.updatedAt());
        }
    }

    record RefundDue(@Schema(description = "minor units of currency") long amount,
            @Schema(example = "EUR") String currency) {
    }

    @Schema(description = "Who dealt with what the checkout left for operations, when and how")
    record ResolutionView(Instant at, @Schema(description = "the staff member's user id") String by, String note) {

        static ResolutionView of(CheckoutReview.Resolution resolution) {
            return resolution == null ? null : new ResolutionView(resolution.at(), resolution.by(), resolution.note());
        }
    }

    @Schema(description = "What staff did about the checkout")
    record ResolutionRequest(
            @NotBlank @Size(max = 500)
            @Pattern(regexp = TextRules.SINGLE_LINE_PATTERN, message = TextRules.SINGLE_LINE_MESSAGE)
            @Schema(example = "refunded by bank transfer, ticket 4411") String note,
            @Schema(description = "true when staff paid the refund the saga could not (refused, or unconfirmed) "
                    + "another way: the order then shows its shopper the refund REFUNDED; false or absent "
                    + "otherwise") Boolean refunded,
            @Schema(description = "with refunded: true, what staff paid, in minor units of the order's currency: "
                    + "at most the refund's amount (refundDue), which it is when absent", example = "2989")
            @Positive @Max(100_000_000_000L) Long amount) {
    }

    @Operation(summary = "One order's checkout saga (SUPPORT, MANAGER, ADMIN)",
            description = "The saga's step and outcome, the compensations it awaits, where the cancellation's "
                    + "refund stands and what it left for operations. 404 when the order does not exist.")
    @GetMapping("/api/v1/orders/{id}/checkout")
    public CheckoutView get(@PathVariable UUID id) {
        return CheckoutView.of(reviews.get(id));
    }

    @Operation(summary = "Checkouts that need attention (SUPPORT, MANAGER, ADMIN)",
            description = "Checkouts with a compensation the saga gave up waiting for, or a refused refund, that "
                    + "nobody has resolved yet; most recently changed first.")
    @GetMapping("/api/v1/orders/checkouts/attention")
    public Page<CheckoutView> needingAttention(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0")
            @PositiveOrZero @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "checkouts per page") @RequestParam(defaultValue = Page.DEFAULT_SIZE)
            @Min(1) @Max(Page.MAX_SIZE) int size) {
        return reviews.needingAttention(page, size).map(CheckoutView::of);
    }

    @Operation(summary = "Mark what a checkout left for operations as dealt with (MANAGER, ADMIN)",
            description = "Takes the checkout off the attention list until something new needs attention. With "
                    + "refunded: true, the order shows its shopper the refund as REFUNDED and order.refund_settled "
                    + "is published (the shopper is mailed); it may follow an earlier resolution, which it replaces. "
                    + "amount says what staff paid when it was less than the refund's amount (refundDue). "
                    + "409 nothing-to-resolve when nothing of it needs attention or it is already resolved; 409 "
                    + "no-outstanding-refund for refunded: true unless the refund was refused or is unconfirmed and "
                    + "not paid another way yet; 409 refund-exceeds-due for an amount over refundDue; 400 for an "
                    + "amount without refunded: true.")
    @PreAuthorize(Roles.HAS_EDITOR)
    @PostMapping("/api/v1/orders/{id}/checkout/resolution")
    public CheckoutView resolve(@PathVariable UUID id, @Valid @RequestBody ResolutionRequest request) {
        boolean refunded = Boolean.TRUE.equals(request.refunded());
        if (request.amount() != null && !refunded) {
            throw DomainException.invalid("amount is what staff paid another way: it goes with refunded: true");
        }
        return CheckoutView.of(reviews.resolve(id, currentUser.requireId(), request.note().strip(), refunded,
                request.amount()));
    }
}
