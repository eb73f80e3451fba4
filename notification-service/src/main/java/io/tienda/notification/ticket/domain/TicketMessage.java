package io.tienda.notification.ticket.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a ticket.
 *
 * @param mailPending for a staff reply: the customer's mail is not queued yet. Kept in the ticket
 *                    document, written with the reply, so that a crash between the two loses no mail.
 * @param requestKey  the Idempotency-Key the message was posted with, if any: a retry with the same key
 *                    by the same author adds nothing
 */
public record TicketMessage(Author author, String authorId, String body, Instant at, boolean mailPending,
        String requestKey) {

    public enum Author { CUSTOMER, STAFF }

    public TicketMessage {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
    }

    public boolean isRetryOf(String author, String key) {
        return key != null && key.equals(requestKey) && author.equals(authorId);
    }

    public TicketMessage mailQueued() {
        return new TicketMessage(author, authorId, body, at, false, requestKey);
    }
}
