package io.tienda.notification.history.domain;

import io.tienda.platform.core.Transitions;
import io.tienda.platform.problem.IllegalTransitionException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One message to someone, from the moment an event asked for it until it was sent or given up.
 * {@code template} names what is sent (e.g. {@code order-confirmed}); it is rendered at send time from
 * {@code variables}, which may hold a single-use link and are dropped once the message is final, so
 * that neither tokens nor bodies outlive the send.
 *
 * <p>Who gets it: {@code addresses} when the event named them (sign-up, password reset, staff alerts);
 * otherwise the contact of {@code recipientId}, looked up when sending; when only the order is known
 * ({@code payment.refunded}, {@code payment.refund_failed}), {@code recipientId} is the customer the order's own events named (see
 * {@link Notifications#recipientOfOrder}), never one a ticket named.
 *
 * @param recipientId   the user the message belongs to; null for staff alerts and until resolved
 * @param addresses     explicit addresses; empty when the contact is looked up
 * @param language      {@code es} or {@code en} when the event said; null to take the contact's
 * @param orderId       the order the message is about, if any
 * @param subject       as rendered when sent; null before
 * @param failureReason why the last attempt did not send, or why the message was given up
 */
public record Notification(String id, String recipientId, List<String> addresses, String language, String orderId,
        Channel channel, String template, String subject, Map<String, String> variables, Status status,
        int attempts, Instant nextAttemptAt, String failureReason, Instant createdAt, Instant sentAt) {

    public static final String WAITING_FOR_CONTACT = "waiting for the recipient's contact details";
    public static final String NO_CONTACT = "no contact details for the recipient";
    public static final String RECIPIENT_ERASED = "the recipient erased their account";

    /** The start of the id that replaces an erased user's in their messages (and tickets). */
    private static final String ANONYMOUS_PREFIX = "erased-";

    static final Transitions<Status> MOVES = Transitions.of(Status.class)
            .allow(Status.PENDING, Status.SENT, Status.FAILED);

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    public enum Channel { EMAIL, SMS, PUSH }

    public enum Status { PENDING, SENT, FAILED }

    /** A message to send as soon as possible. */
    public static Notification pending(String id, String recipientId, List<String> addresses, String language,
            String orderId, Channel channel, String template, Map<String, String> variables, Instant now) {
        return new Notification(id, recipientId, addresses, language, orderId, channel, template, null, variables,
                Status.PENDING, 0, now, null, now, null);
    }

    /** A new id to stand for an erased user: {@code erased-<random UUID>}, which leads back to nobody. */
    public static String anonymousRecipient() {
        return ANONYMOUS_PREFIX + UUID.randomUUID();
    }

    /** Whether {@code recipientId} is one that replaced an erased user's. */
    public static boolean anonymous(String recipientId) {
        return recipientId != null && recipientId.startsWith(ANONYMOUS_PREFIX);
    }

    public boolean hasAddresses() {
        return !addresses.isEmpty();
    }

    /** The message with its recipient found from its order. */
    public Notification forRecipient(String recipient) {
        return new Notification(id, recipient, addresses, language, orderId, channel, template, subject, variables,
                status, attempts, nextAttemptAt, failureReason, createdAt, sentAt);
    }

    /** Sent: the rendered subject stays for the history; the variables (and any token in them) go. */
    public Notification sent(String renderedSubject, Instant now) {
        MOVES.require(what(), status, Status.SENT);
        return new Notification(id, recipientId, addresses, language, orderId, channel, template, renderedSubject,
                Map.of(), Status.SENT, attempts + 1, null, null, createdAt, now);
    }

    /** A send failed: try again after the policy's backoff, or give up when the attempts are spent. */
    public Notification sendFailed(String reason, RetryPolicy policy, Instant now) {
        int made = attempts + 1;
        if (made >= policy.maxAttempts()) {
            return failed(made, reason, now);
        }
        requirePending();
        return new Notification(id, recipientId, addresses, language, orderId, channel, template, subject, variables,
                Status.PENDING, made, now.plus(policy.delayAfter(made)), reason, createdAt, null);
    }

    /** The channel refused it for good (SMTP 5xx): the attempt counts, and the message is given up at once. */
    public Notification sendRefused(String reason, Instant now) {
        requirePending();
        return failed(attempts + 1, reason, now);
    }

    /**
     * Nobody to send it to yet (the contact may arrive after the event): look again after {@code retry},
     * or give up once the message has waited {@code patience}. Waiting costs no attempt.
     */
    public Notification awaitContact(Duration retry, Duration patience, Instant now) {
        requirePending();
        if (!now.isBefore(createdAt.plus(patience))) {
            return failed(attempts, NO_CONTACT, now);
        }
        return new Notification(id, recipientId, addresses, language, orderId, channel, template, subject, variables,
                Status.PENDING, attempts, now.plus(retry), WAITING_FOR_CONTACT, createdAt, null);
    }

    /** Given up for a reason that no retry can cure (the recipient was erased, the template is gone). */
    public Notification abandon(String reason, Instant now) {
        return failed(attempts, reason, now);
    }

    private Notification failed(int made, String reason, Instant now) {
        MOVES.require(what(), status, Status.FAILED);
        return new Notification(id, recipientId, addresses, language, orderId, channel, template, subject, Map.of(),
                Status.FAILED, made, null, reason, createdAt, null);
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new IllegalTransitionException(what(), status.name(), Status.PENDING.name());
        }
    }

    private String what() {
        return "notification " + id;
    }
}
