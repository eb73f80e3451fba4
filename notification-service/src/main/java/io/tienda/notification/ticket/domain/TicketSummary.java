package io.tienda.notification.ticket.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket without its conversation, as lists show it: what it is about, where it stands, and its last
 * message's time, side and first words.
 *
 * @param lastMessageAuthor who wrote the last message (its side, never which member of staff); null when
 *                          the ticket has no message
 * @param lastMessagePreview the first {@link #PREVIEW_LENGTH} characters of the last message
 */
public record TicketSummary(String id, String customerId, String subject, String orderId, String returnId,
        TicketStatus status, int messageCount, Instant lastMessageAt, TicketMessage.Author lastMessageAuthor,
        String lastMessagePreview, Instant createdAt, Instant updatedAt) {

    public static final int PREVIEW_LENGTH = 140;

    public TicketSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
    }

    public static TicketSummary of(Ticket ticket) {
        TicketMessage last = ticket.messages().isEmpty() ? null : ticket.messages().get(ticket.messages().size() - 1);
        return new TicketSummary(ticket.id(), ticket.customerId(), ticket.subject(), ticket.orderId(),
                ticket.returnId(), ticket.status(), ticket.messages().size(), last == null ? null : last.at(),
                last == null ? null : last.author(), last == null ? null : preview(last.body()), ticket.createdAt(),
                ticket.updatedAt());
    }

    /** The start of {@code body}, cut between characters (never inside a surrogate pair). */
    static String preview(String body) {
        if (body.length() <= PREVIEW_LENGTH) {
            return body;
        }
        int end = PREVIEW_LENGTH;
        if (Character.isHighSurrogate(body.charAt(end - 1))) {
            end--;
        }
        return body.substring(0, end) + "…";
    }
}
