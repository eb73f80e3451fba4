package io.tienda.notification.ticket;

import io.tienda.notification.NotificationsProperties;
import io.tienda.notification.history.domain.Notification;
import io.tienda.notification.history.domain.Notifications;
import io.tienda.notification.ticket.domain.Ticket;
import io.tienda.notification.ticket.domain.TicketMessage;
import io.tienda.notification.ticket.domain.TicketStatus;
import io.tienda.notification.ticket.domain.TicketSummary;
import io.tienda.notification.ticket.domain.Tickets;
import io.tienda.platform.core.IdempotencyKeys;
import io.tienda.platform.core.Page;
import io.tienda.platform.problem.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * Customer queries (tickets): customers open them and reply; support answers, and every answer is
 * mailed to the customer through the notification pipeline. Who may see a ticket is decided by the
 * caller (owner or staff) before these methods run; a ticket someone may not see does not exist for them.
 */
@Service
public class CustomerQueries {

    static final String ANSWERED_TEMPLATE = "ticket-answered";
    private static final Logger log = LoggerFactory.getLogger(CustomerQueries.class);
    private static final int WRITE_ATTEMPTS = 20;

    private final Tickets tickets;
    private final Notifications notifications;
    private final String publicBaseUrl;
    private final Clock clock;

    CustomerQueries(Tickets tickets, Notifications notifications, NotificationsProperties properties, Clock clock) {
        this.tickets = tickets;
        this.notifications = notifications;
        this.publicBaseUrl = properties.publicBaseUrl();
        this.clock = clock;
    }

    /**
     * A ticket as a request with an Idempotency-Key left it.
     *
     * @param replayed true when the request repeated an earlier one with its key and changed nothing
     */
    public record Outcome(Ticket ticket, boolean replayed) {
    }

    /**
     * Opens a ticket. With an idempotency key the ticket's id derives from the customer and the key, so
     * that a retried request answers the ticket the first one opened instead of opening a second. The
     * stored ticket is what the first request said, so the retry is compared with it: the key with another
     * subject, message, order or return is refused and opens nothing. So is a key whose ticket has
     * another owner, which happens only once its customer was erased.
     */
    public Outcome open(String customerId, String subject, String message, String orderId, String returnId,
            String idempotencyKey) {
        String id = idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((customerId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                        .toString();
        Ticket ticket = Ticket.open(id, customerId, subject.strip(), message.strip(), orderId, returnId,
                clock.instant());
        if (tickets.insert(ticket)) {
            return new Outcome(ticket, false);
        }
        return tickets.find(id).filter(existing -> existing.isOpenedAs(ticket))
                .map(existing -> new Outcome(existing, true))
                .orElseThrow(IdempotencyKeys::reused);
    }

    public Ticket get(String id) {
        return tickets.find(id).orElseThrow(() -> DomainException.notFound("ticket", id));
    }

    /** Summaries without the conversations, which only {@link #get} returns. */
    public Page<TicketSummary> search(String customerId, TicketStatus status, String orderId, boolean queue, int page,
            int size) {
        return tickets.search(customerId, status, orderId, queue, page, size);
    }

    /**
     * @param requestKey the request's Idempotency-Key, if any: a retry answers the ticket without a second
     *                   message, the same key with another message is refused
     */
    public Outcome reply(String id, TicketMessage.Author author, String authorId, String body, String requestKey) {
        AtomicBoolean retry = new AtomicBoolean();
        Ticket replied = change(id, ticket -> {
            Ticket next = ticket.reply(author, authorId, body.strip(), clock.instant(), requestKey);
            retry.set(next == ticket);
            return next;
        });
        return new Outcome(author == TicketMessage.Author.STAFF ? queueMails(replied) : replied, retry.get());
    }

    public Ticket close(String id) {
        return change(id, ticket -> ticket.close(clock.instant()));
    }

    /** Erasure of a customer: their tickets lose their words and owner, and close. */
    public int erase(String customerId, String anonymousId) {
        int erased = 0;
        for (Ticket ticket : tickets.ofCustomer(customerId)) {
            change(ticket.id(), t -> t.anonymised(anonymousId, clock.instant()));
            erased++;
        }
        return erased;
    }

    /** Queues the mails that a crash kept from being queued with their replies. */
    @Scheduled(fixedDelayString = "${tienda.notifications.tickets.mail-sweep-interval:30s}",
            initialDelayString = "${tienda.notifications.tickets.mail-sweep-interval:30s}")
    public void queueMissedMails() {
        for (Ticket ticket : tickets.withPendingMail(100)) {
            try {
                queueMails(ticket);
            } catch (RuntimeException e) {
                log.warn("could not queue the reply mails of ticket {}: {}", ticket.id(), e.toString());
            }
        }
    }

    private Ticket queueMails(Ticket ticket) {
        Ticket current = ticket;
        for (int i = 0; i < current.messages().size(); i++) {
            TicketMessage message = current.messages().get(i);
            if (!message.mailPending()) {
                continue;
            }
            // The id derives from the ticket and the message, so a second queueing finds the first. The
            // ticket's order stays off the message: the customer typed it, and it proves nothing about
            // whose the order is (a refund's recipient is looked up by order).
            notifications.addOnce(Notification.pending("ticket:" + current.id() + ":" + i, current.customerId(),
                    null, null, null, Notification.Channel.EMAIL, ANSWERED_TEMPLATE,
                    Map.of("ticketSubject", current.subject(), "reply", message.body(),
                            "link", publicBaseUrl + "/tickets/" + current.id()),
                    clock.instant()));
            int index = i;
            current = change(current.id(), t -> t.mailQueued(index));
        }
        return current;
    }

    /**
     * Applies {@code move} to the current ticket, again on a fresher copy when another write won; a short
     * random pause between attempts keeps writers that collided from colliding again. A move that answers
     * the ticket it was given (a retried reply) writes nothing.
     */
    private Ticket change(String id, UnaryOperator<Ticket> move) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            Ticket current = get(id);
            Ticket changed = move.apply(current);
            if (changed == current) {
                return current;
            }
            if (tickets.save(changed)) {
                return new Ticket(changed.id(), changed.customerId(), changed.subject(), changed.orderId(),
                        changed.returnId(), changed.status(), changed.messages(), changed.createdAt(),
                        changed.updatedAt(), changed.version() + 1);
            }
        }
        throw DomainException.conflict("ticket " + id + " is being changed by someone else; try again");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 6) + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.conflict("interrupted while changing a ticket");
        }
    }
}
