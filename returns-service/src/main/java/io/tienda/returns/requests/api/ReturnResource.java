package io.tienda.returns.requests.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.core.IdempotencyKeys;
import io.tienda.platform.core.Page;
import io.tienda.platform.core.Roles;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.security.CurrentUser;
import io.tienda.platform.web.IdempotentAnswers;
import io.tienda.returns.requests.Returns;
import io.tienda.returns.requests.domain.HistoryEntry;
import io.tienda.returns.requests.domain.Inspection;
import io.tienda.returns.requests.domain.ReturnDraft;
import io.tienda.returns.requests.domain.ReturnRequest;
import io.tienda.returns.requests.domain.ReturnStatus;
import io.tienda.returns.requests.domain.ReturnStore;
import io.tienda.returns.requests.domain.Settlement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Tag(name = "Returns", description = "Returns and exchanges of delivered orders")
@RestController
@RequestMapping("/api/v1/returns")
class ReturnResource {

    private final Returns returns;
    private final CurrentUser currentUser;

    ReturnResource(Returns returns, CurrentUser currentUser) {
        this.returns = returns;
        this.currentUser = currentUser;
    }

    @Operation(summary = "List returns, newest first",
            description = "A customer sees their own returns; staff (SUPPORT, MANAGER, ADMIN) see everyone's. "
                    + "status and settlement narrow the list: settlement=REFUND_FAILED lists the returns whose "
                    + "refund failed and waits for staff, settlement=EXCHANGE_FAILED those whose replacement could "
                    + "not be sent or was cancelled after it was confirmed. paidTwice=true (staff only; 403 for a customer) lists the returns whose "
                    + "customer was paid twice: the payment provider made a refund after staff had paid it another "
                    + "way; the return's history names it.")
    @GetMapping
    public Page<ReturnView> list(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0")
            @PositiveOrZero @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "returns per page") @RequestParam(defaultValue = Page.DEFAULT_SIZE)
            @Min(1) @Max(Page.MAX_SIZE) int size,
            @Parameter(description = "only returns in this status") @RequestParam(required = false)
            ReturnStatus status,
            @Parameter(description = "only returns whose refund or exchange stands here")
            @RequestParam(required = false) Settlement settlement,
            @Parameter(description = "staff only: true lists the returns whose customer was paid twice (a refund "
                    + "the payment provider made after staff had paid it another way); false the others")
            @RequestParam(required = false) Boolean paidTwice) {
        String caller = currentUser.requireId();
        String customer = currentUser.isStaff() ? null : caller;
        if (paidTwice != null && customer != null) {
            // staff recover the money before anyone tells the customer: the mark is theirs, like their notes
            throw DomainException.forbidden("paidTwice is a filter for staff");
        }
        return returns.list(new ReturnStore.Filter(customer, status, settlement, paidTwice), page, size)
                .map(request -> view(request, null, null));
    }

    @Operation(summary = "Ask to return lines of a delivered order",
            description = "The caller's own delivered order only (anyone else's, or an unknown one, is 404), within "
                    + "the return window after delivery (else 422 return-window-closed). Each SKU once, 1 up to the "
                    + "units bought minus those in other returns that still stand (else 422 return-not-allowed "
                    + "naming the line). An exchange may ask for the same SKU or another variant of the same product "
                    + "that the catalog sells for no more than the unit price the bought SKU was ordered at (one "
                    + "dearer, or of a price not known here, is 422 return-not-allowed naming its exchangeSku). "
                    + "Answers 201 with the RMA number and instructions; a retry with the same Idempotency-Key "
                    + "and the same body answers the same return (header Idempotent-Replayed: true); the same key "
                    + "with a different body is 422 idempotency-key-reused and creates nothing.")
    @PostMapping
    public ResponseEntity<ReturnView> create(
            @Parameter(description = "makes retries safe: " + IdempotencyKeys.RULE)
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ReturnRequests.NewReturn body) {
        String caller = currentUser.requireId();
        IdempotencyKeys.optional(idempotencyKey);
        ReturnDraft draft = new ReturnDraft(body.orderId(), body.resolution(), body.lines().stream()
                .map(l -> new ReturnDraft.Line(l.sku(), l.quantity(), l.reason(), blankToNull(l.comment()),
                        l.exchangeSku()))
                .toList());
        Returns.Created created = returns.request(caller, draft, idempotencyKey);
        return IdempotentAnswers.answer(HttpStatus.CREATED, created.replayed())
                .location(URI.create("/api/v1/returns/" + created.request().id()))
                .body(view(created.request(), null, created.instructions()));
    }

    @Operation(summary = "A return with its lines and history",
            description = "Its customer and staff; anyone else gets 404.")
    @GetMapping("/{id}")
    public ReturnView get(@PathVariable UUID id) {
        Returns.Detail detail = returns.get(id).orElseThrow(() -> DomainException.notFound("return", id));
        currentUser.requireOwnerOr(detail.request().customerId(), "return", id, Roles.STAFF);
        return view(detail.request(), detail.history(), null);
    }

    @Operation(summary = "Withdraw a return", description = "Its customer (or staff) until the items are received; "
            + "409 illegal-transition after that.")
    @PostMapping("/{id}/cancellation")
    public ReturnView cancel(@PathVariable UUID id) {
        ReturnRequest request = returns.get(id).orElseThrow(() -> DomainException.notFound("return", id)).request();
        currentUser.requireOwnerOr(request.customerId(), "return", id, Roles.STAFF);
        return view(returns.cancel(id, currentUser.requireId()), null, null);
    }

    @Operation(summary = "Approve a return", description = "SUPPORT, MANAGER, ADMIN. REQUESTED only.")
    @PostMapping("/{id}/approval")
    @PreAuthorize(Roles.HAS_STAFF)
    public ReturnView approve(@PathVariable UUID id, @Valid @RequestBody(required = false) ReturnRequests.Note body) {
        return ReturnView.of(returns.approve(id, currentUser.requireId(), body == null ? null : blankToNull(body.note())));
    }

    @Operation(summary = "Reject a return", description = "SUPPORT, MANAGER, ADMIN. REQUESTED only; the reason is "
            + "required and the customer is told.")
    @PostMapping("/{id}/rejection")
    @PreAuthorize(Roles.HAS_STAFF)
    public ReturnView reject(@PathVariable UUID id, @Valid @RequestBody ReturnRequests.Rejection body) {
        return ReturnView.of(returns.reject(id, currentUser.requireId(), body.reason().strip()));
    }

    @Operation(summary = "Record that the items arrived", description = "SUPPORT, MANAGER, ADMIN. APPROVED only.")
    @PostMapping("/{id}/receipt")
    @PreAuthorize(Roles.HAS_STAFF)
    public ReturnView receive(@PathVariable UUID id, @Valid @RequestBody(required = false) ReturnRequests.Note body) {
        return ReturnView.of(returns.receive(id, currentUser.requireId(), body == null ? null : blankToNull(body.note())));
    }

    @Operation(summary = "Record the inspection, line by line",
            description = "SUPPORT, MANAGER, ADMIN. RECEIVED only. One finding per returned line: accepted units "
                    + "(0 up to those sent) and whether they can be sold again. Restockable units go back to stock; "
                    + "a refund of the accepted units at their price is asked of payment-service, or the "
                    + "replacement order of order-service (an exchange whose customer was erased is refunded "
                    + "instead, since a replacement needs the name and address they asked us to forget). Not a "
                    + "single unit accepted ends the return REJECTED "
                    + "(the customer is told); accepted units worth nothing end it REFUNDED with 0.")
    @PostMapping("/{id}/inspection")
    @PreAuthorize(Roles.HAS_STAFF)
    public ReturnView inspect(@PathVariable UUID id, @Valid @RequestBody ReturnRequests.InspectionReport body) {
        return ReturnView.of(returns.inspect(id, currentUser.requireId(), body.lines().stream()
                .map(f -> new Inspection(f.sku(), f.acceptedQuantity(), f.restockable())).toList(),
                blankToNull(body.note())));
    }

    @Operation(summary = "Settle again after a failure",
            description = "SUPPORT, MANAGER, ADMIN. A failed refund is asked again; a failed exchange (the "
                    + "replacement order was rejected, or cancelled, even after it was confirmed) is refunded "
                    + "instead. 409 illegal-transition otherwise.")
    @PostMapping("/{id}/settlement")
    @PreAuthorize(Roles.HAS_STAFF)
    public ReturnView settleAgain(@PathVariable UUID id) {
        return ReturnView.of(returns.settleAgain(id, currentUser.requireId()));
    }

    @Operation(summary = "Record a failed refund as paid another way",
            description = "MANAGER, ADMIN. A refund payment-service refused or failed (settlement REFUND_FAILED) "
                    + "that staff paid back another way, e.g. by bank transfer: the return becomes REFUNDED, its "
                    + "customer is told, and the money is recorded in the payment's ledger and the figures "
                    + "(returns.refund_settled). 409 illegal-transition for any other return.")
    @PostMapping("/{id}/settlement/outside")
    @PreAuthorize(Roles.HAS_EDITOR)
    public ReturnView settleOutside(@PathVariable UUID id, @Valid @RequestBody ReturnRequests.OutsideSettlement body) {
        return ReturnView.of(returns.settleOutside(id, currentUser.requireId(), body.note().strip()));
    }

    /**
     * The return as the caller may see it: staff all of it, anyone else (its customer) without staff's
     * business ({@link ReturnView#forCustomer}). Every answer a customer can reach goes through here.
     */
    private ReturnView view(ReturnRequest request, List<HistoryEntry> history, String instructions) {
        return currentUser.isStaff() ? ReturnView.of(request, history, instructions)
                : ReturnView.forCustomer(request, history, instructions);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
