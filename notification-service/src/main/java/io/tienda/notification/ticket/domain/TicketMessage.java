package io.tienda.notification.ticket.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a ticket.
 *
 * @param mailPending for a staff reply: the customer's mail is not queued yet. Kept in the ticket
 *                    document, written with the reply, so that a crash between the two loses no mail.
 */
public record TicketMessage(Author author, String authorId, String body, Instant at, boolean mailPending) {

    public enum Author { CUSTOMER, STAFF }

    public TicketMessage {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
    }

    public TicketMessage mailQueued() {
        return new TicketMessage(author, authorId, body, at, false);
    }
}
