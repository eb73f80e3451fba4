package io.tienda.notification.ticket.domain;

import io.tienda.platform.core.Page;

import java.util.List;
import java.util.Optional;

/** The {@code tickets} collection. */
public interface Tickets {

    /** False when a ticket with its id exists (a replayed create). */
    boolean insert(Ticket ticket);

    Optional<Ticket> find(String id);

    /** Writes the ticket if nobody changed it since it was read ({@code version}); true when written. */
    boolean save(Ticket ticket);

    /**
     * Summaries of the matching tickets, read without their conversations.
     *
     * @param customerId   null for every customer
     * @param status       null for every status
     * @param orderId      null for any or no order
     * @param oldestFirst  the support queue's order (least recently updated first); else newest first
     */
    Page<TicketSummary> search(String customerId, TicketStatus status, String orderId, boolean oldestFirst, int page,
            int size);

    /** Tickets with a staff reply whose mail is not queued yet. */
    List<Ticket> withPendingMail(int limit);

    List<Ticket> ofCustomer(String customerId);
}
