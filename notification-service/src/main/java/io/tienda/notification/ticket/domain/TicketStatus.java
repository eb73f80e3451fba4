package io.tienda.notification.ticket.domain;

import io.tienda.platform.core.Transitions;

/**
 * OPEN: waiting for support. ANSWERED: support replied, waiting for the customer. CLOSED: final. A
 * reply moves the ticket to the other side; either side may close it.
 */
public enum TicketStatus {
    OPEN, ANSWERED, CLOSED;

    static final Transitions<TicketStatus> MOVES = Transitions.of(TicketStatus.class)
            .allow(OPEN, ANSWERED, CLOSED)
            .allow(ANSWERED, OPEN, CLOSED);
}
