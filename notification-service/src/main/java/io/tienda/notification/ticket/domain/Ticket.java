package io.tienda.notification.ticket.domain;

import io.tienda.platform.core.IdempotencyKeys;
import io.tienda.platform.problem.DomainException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's query, optionally about an order and/or a return, and the conversation with support.
 *
 * @param version grows with every change; a write based on an older version is refused by the store
 */
public record Ticket(String id, String customerId, String subject, String orderId, String returnId,
        TicketStatus status, List<TicketMessage> messages, Instant createdAt, Instant updatedAt, long version) {

    public static final int MAX_MESSAGES = 200;

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        messages = List.copyOf(messages);
    }

    public static Ticket open(String id, String customerId, String subject, String message, String orderId,
            String returnId, Instant now) {
        return new Ticket(id, customerId, subject, orderId, returnId, TicketStatus.OPEN,
                List.of(new TicketMessage(TicketMessage.Author.CUSTOMER, customerId, message, now, false, null)), now, now,
                0);
    }

    /**
     * Whether this ticket is the one {@code request} (a ticket opened from a request with the same
     * Idempotency-Key) asks for: the same customer, subject, order, return and first message.
     */
    public boolean isOpenedAs(Ticket request) {
        return customerId.equals(request.customerId) && subject.equals(request.subject)
                && Objects.equals(orderId, request.orderId) && Objects.equals(returnId, request.returnId)
                && !messages.isEmpty() && !request.messages.isEmpty()
                && messages.get(0).body().equals(request.messages.get(0).body());
    }

    /**
     * A reply: from support it moves the ticket to ANSWERED and owes the customer a mail; from the
     * customer it moves it back to OPEN. Nothing may be written to a CLOSED ticket. A retry of a reply
     * already written (same author, same {@code requestKey}, same body) answers this ticket unchanged; the
     * same author and key with another body is refused ({@link io.tienda.platform.core.IdempotencyKeys#reused}).
     */
    public Ticket reply(TicketMessage.Author author, String authorId, String body, Instant now, String requestKey) {
        Optional<TicketMessage> earlier = messages.stream().filter(m -> m.isRetryOf(authorId, requestKey))
                .findFirst();
        if (earlier.isPresent()) {
            if (!earlier.get().body().equals(body)) {
                throw IdempotencyKeys.reused();
            }
            return this;
        }
        TicketStatus next = author == TicketMessage.Author.STAFF ? TicketStatus.ANSWERED : TicketStatus.OPEN;
        if (status != next) {
            TicketStatus.MOVES.require(what(), status, next);
        }
        if (messages.size() >= MAX_MESSAGES) {
            throw DomainException.conflict(what() + " has reached " + MAX_MESSAGES + " messages; open a new one");
        }
        List<TicketMessage> more = new ArrayList<>(messages);
        more.add(new TicketMessage(author, authorId, body, now, author == TicketMessage.Author.STAFF, requestKey));
        return new Ticket(id, customerId, subject, orderId, returnId, next, more, createdAt, now, version);
    }

    public Ticket close(Instant now) {
        TicketStatus.MOVES.require(what(), status, TicketStatus.CLOSED);
        return new Ticket(id, customerId, subject, orderId, returnId, TicketStatus.CLOSED, messages, createdAt, now,
                version);
    }

    /** The mail for the message at {@code index} is queued. */
    public Ticket mailQueued(int index) {
        List<TicketMessage> updated = new ArrayList<>(messages);
        updated.set(index, messages.get(index).mailQueued());
        return new Ticket(id, customerId, subject, orderId, returnId, status, updated, createdAt, updatedAt, version);
    }

    /** Erasure: the conversation's words and its owner go; that there was a ticket, and when, stays. */
    public Ticket anonymised(String anonymousId, Instant now) {
        List<TicketMessage> blank = messages.stream()
                .map(m -> new TicketMessage(m.author(), m.author() == TicketMessage.Author.CUSTOMER ? anonymousId
                        : m.authorId(), ERASED, m.at(), false, null))
                .toList();
        return new Ticket(id, anonymousId, ERASED, orderId, returnId, TicketStatus.CLOSED, blank, createdAt, now,
                version);
    }

    public boolean isOwnedBy(String userId) {
        return customerId.equals(userId);
    }

    public static final String ERASED = "[erased]";

    private String what() {
        return "ticket " + id;
    }
}
