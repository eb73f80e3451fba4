package io.tienda.notification.ticket.domain;

import io.tienda.platform.problem.DomainException;

/** The refusals of tickets beyond the platform's, each a stable problem type a client can branch on. */
public final class TicketProblems {

    private TicketProblems() {
    }

    /**
     * The same Idempotency-Key came back with a different request: the problem order-, payment-,
     * inventory- and returns-service answer, so a client handles a spent key one way for the whole API.
     */
    public static DomainException idempotencyKeyReused() {
        return DomainException.custom(422, "idempotency-key-reused", "The Idempotency-Key belongs to another request",
                "This Idempotency-Key was already used for a different request; use a new key for a new request");
    }
}
