package io.tienda.notification.history.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The notifications collection as the sending pipeline uses it. */
public interface Notifications {

    /**
     * Stores a new message unless one with its id exists: ids derive from the event that asked for the
     * message, so a redelivered event finds its message already there. True when this call stored it.
     */
    boolean addOnce(Notification notification);

    /**
     * Takes the next due PENDING message for {@code lease}, atomically, so that no other replica sends
     * it meanwhile; a replica that dies while holding one loses it to another when the lease runs out.
     */
    Optional<Claim> claimNext(Instant now, Duration lease);

    /**
     * Writes the outcome of an attempt made under {@code claim} and releases it, only if the message is
     * still PENDING and held by that claim. False, and nothing written, when it is not: the recipient
     * was erased meanwhile (their messages anonymised, the claim dropped), or the lease ran out and
     * another replica took the message. An anonymised message is never written over.
     */
    boolean save(Notification notification, Instant claim);

    /** A message taken by {@link #claimNext}, and the end of its lease, which also names the claim. */
    record Claim(Notification notification, Instant until) {
    }

    Optional<Notification> find(String id);

    /**
     * Gives up a message nobody has sent yet, with {@code reason}: only while it is PENDING and no sender
     * holds it (no claim, or one whose lease ran out). False when it was sent, given up, or is being sent.
     */
    boolean withdraw(String id, String reason, Instant now);

    /**
     * The messages whose recipient an order's own events named (order-service's {@code order.*}): only
     * these tell whose an order is. A ticket names an order its customer typed, and is never asked.
     */
    Set<String> ORDER_EVENT_TEMPLATES = Set.of("order-confirmed", "order-shipped", "order-delivered",
            "order-cancelled", "refund-settled");

    /**
     * The customer of an order as its own events named them: the recipient of the earliest message
     * queued from an {@code order.*} event about it ({@link #ORDER_EVENT_TEMPLATES}); empty until one
     * has arrived.
     */
    Optional<String> recipientOfOrder(String orderId);

    /**
     * Erasure: the recipient's history keeps what was sent and when, but no longer whom to and what it
     * said; messages still pending are given up, and so are those about the recipient's orders that
     * name no recipient yet (a refund). Every claim on them is dropped, so that a send in flight cannot
     * write the recipient back.
     */
    long anonymise(String recipientId, String anonymousId, Instant now);
}
