package io.tienda.notification.ticket.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.notification.ticket.CustomerQueries;
import io.tienda.notification.ticket.domain.Ticket;
import io.tienda.notification.ticket.domain.TicketMessage;
import io.tienda.notification.ticket.domain.TicketStatus;
import io.tienda.notification.ticket.domain.TicketSummary;
import io.tienda.platform.core.IdempotencyKeys;
import io.tienda.platform.core.Page;
import io.tienda.platform.core.Roles;
import io.tienda.platform.core.TextRules;
import io.tienda.platform.security.CurrentUser;
import io.tienda.platform.web.IdempotentAnswers;
import io.tienda.platform.web.MultiLineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets", description = "Customer queries and support's answers")
class TicketsResource {

    private final CustomerQueries queries;
    private final CurrentUser currentUser;

    TicketsResource(CustomerQueries queries, CurrentUser currentUser) {
        this.queries = queries;
        this.currentUser = currentUser;
    }

    /** The subject is written into the subject line of the answer's mail, so it is one line. */
    record NewTicket(
            @NotBlank @Size(max = 200)
            @Pattern(regexp = TextRules.SINGLE_LINE_PATTERN, message = TextRules.SINGLE_LINE_MESSAGE) String subject,
            @NotBlank @Size(max = 5000) @MultiLineText String message,
            UUID orderId, UUID returnId) {
    }

    record NewMessage(
            @NotBlank @Size(max = 5000)
            @MultiLineText String message) {
    }

    /** @param authorId who wrote it; a customer sees only their own id, never which staff member answered */
    record MessageView(String author, String authorId, String body, Instant at) {

        static MessageView of(TicketMessage m, boolean staff) {
            boolean shown = staff || m.author() == TicketMessage.Author.CUSTOMER;
            return new MessageView(m.author().name(), shown ? m.authorId() : null, m.body(), m.at());
        }
    }

    record TicketView(String id, String customerId, String subject, String orderId, String returnId, String status,
            List<MessageView> messages, Instant createdAt, Instant updatedAt) {

        static TicketView of(Ticket t, boolean staff) {
            return new TicketView(t.id(), t.customerId(), t.subject(), t.orderId(), t.returnId(), t.status().name(),
                    t.messages().stream().map(m -> MessageView.of(m, staff)).toList(), t.createdAt(), t.updatedAt());
        }
    }

    /**
     * A ticket in a list: no conversation (the single-ticket GET has it), only its size and its last
     * message's time, side ({@code CUSTOMER}/{@code STAFF}, never which member of staff) and first words.
     */
    record TicketSummaryView(String id, String customerId, String subject, String orderId, String returnId,
            String status, int messageCount, Instant lastMessageAt, String lastMessageAuthor,
            String lastMessagePreview, Instant createdAt, Instant updatedAt) {

        static TicketSummaryView of(TicketSummary t) {
            return new TicketSummaryView(t.id(), t.customerId(), t.subject(), t.orderId(), t.returnId(),
                    t.status().name(), t.messageCount(), t.lastMessageAt(),
                    t.lastMessageAuthor() == null ? null : t.lastMessageAuthor().name(), t.lastMessagePreview(),
                    t.createdAt(), t.updatedAt());
        }
    }

    /** The ticket as the caller may see it. */
    private TicketView view(Ticket ticket) {
        return TicketView.of(ticket, currentUser.isStaff());
    }

    @PostMapping
    @PreAuthorize(Roles.HAS_CUSTOMER)
    @Operation(summary = "Ask support something", description = "Customers. Opens a ticket (OPEN), optionally "
            + "about one of their orders and/or returns. The subject is one line (no control characters or line "
            + "breaks); the message may have line breaks and tabs but no other control character. With an "
            + "Idempotency-Key a retried request answers the ticket the first one opened (header "
            + "Idempotent-Replayed: true); the same key with a different body is 422 idempotency-key-reused and "
            + "opens nothing.")
    ResponseEntity<TicketView> open(@Valid @RequestBody NewTicket body,
            @Parameter(description = "makes a retried request harmless: " + IdempotencyKeys.RULE)
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
        IdempotencyKeys.optional(key);
        CustomerQueries.Outcome opened = queries.open(currentUser.requireId(), body.subject(), body.message(),
                body.orderId() == null ? null : body.orderId().toString(),
                body.returnId() == null ? null : body.returnId().toString(), key);
        return IdempotentAnswers.answer(HttpStatus.CREATED, opened.replayed())
                .location(URI.create("/api/v1/tickets/" + opened.ticket().id())).body(view(opened.ticket()));
    }

    @GetMapping
    @Operation(summary = "List tickets", description = "A customer gets their own, newest first. Staff "
            + "(SUPPORT, MANAGER, ADMIN) get the queue of every customer's tickets, least recently updated "
            + "first, filtered by status, orderId and customerId. A customer naming another customer gets 404. "
            + "Items are summaries without the conversation: messageCount, lastMessageAt, lastMessageAuthor "
            + "(CUSTOMER or STAFF) and lastMessagePreview (the last message's first 140 characters); "
            + "GET /api/v1/tickets/{id} has the messages.")
    Page<TicketSummaryView> list(
            @Parameter(description = "OPEN, ANSWERED or CLOSED") @RequestParam(required = false) TicketStatus status,
            @Parameter(description = "Only tickets about this order") @RequestParam(required = false) UUID orderId,
            @Parameter(description = "Only this customer's tickets (staff)")
            @RequestParam(required = false) @Size(min = 1, max = 128) String customerId,
            @Parameter(description = "Zero-based page number")
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "Tickets per page, 1 to 100")
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        boolean staff = currentUser.isStaff();
        String customer = customerId;
        if (!staff) {
            customer = customerId == null ? currentUser.requireId() : customerId;
            currentUser.requireOwnerOr(customer, "customer", customer, Roles.STAFF);
        }
        return queries.search(customer, status, orderId == null ? null : orderId.toString(), staff, page, size)
                .map(TicketSummaryView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One ticket with its conversation", description = "Its owner and staff; anyone else "
            + "gets 404.")
    TicketView get(@PathVariable String id) {
        return view(visible(id));
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Reply to a ticket", description = "Its owner, or SUPPORT, MANAGER and ADMIN. A staff "
            + "reply moves the ticket to ANSWERED and mails the customer; the customer's reply moves it back to "
            + "OPEN. 409 on a CLOSED ticket. The message may have line breaks and tabs but no other control "
            + "character. With an Idempotency-Key a retried request adds no second message (header "
            + "Idempotent-Replayed: true); the same key with a different message is 422 idempotency-key-reused "
            + "and adds nothing.")
    ResponseEntity<TicketView> reply(@PathVariable String id, @Valid @RequestBody NewMessage body,
            @Parameter(description = "makes a retried request harmless: " + IdempotencyKeys.RULE)
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
        IdempotencyKeys.optional(key);
        Ticket ticket = visible(id);
        String caller = currentUser.requireId();
        TicketMessage.Author author = ticket.isOwnedBy(caller) ? TicketMessage.Author.CUSTOMER
                : TicketMessage.Author.STAFF;
        CustomerQueries.Outcome replied = queries.reply(id, author, caller, body.message(), key);
        return IdempotentAnswers.answer(HttpStatus.CREATED, replied.replayed())
                .location(URI.create("/api/v1/tickets/" + id)).body(view(replied.ticket()));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a ticket", description = "Its owner or staff. 409 when it is already CLOSED.")
    TicketView close(@PathVariable String id) {
        visible(id);
        return view(queries.close(id));
    }

    /** The ticket, if the caller owns it or is staff; for anyone else it does not exist. */
    private Ticket visible(String id) {
        Ticket ticket = queries.get(id);
        currentUser.requireOwnerOr(ticket.customerId(), "ticket", id, Roles.STAFF);
        return ticket;
    }
}
