package io.tienda.notification.delivery;

import io.tienda.notification.NotificationsProperties;
import io.tienda.notification.contact.AddressBook;
import io.tienda.notification.contact.domain.Contact;
import io.tienda.notification.delivery.domain.DeliveryFailedException;
import io.tienda.notification.delivery.domain.NotificationChannel;
import io.tienda.notification.delivery.domain.Outgoing;
import io.tienda.notification.history.domain.Notification;
import io.tienda.notification.history.domain.Notifications;
import io.tienda.notification.history.domain.RetryPolicy;
import io.tienda.notification.template.Templates;
import io.tienda.notification.template.domain.Rendered;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tienda.platform.problem.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends what is due. Each round claims PENDING messages one at a time (atomically, so replicas never
 * send the same one), finds the recipient, renders the template in the recipient's language and hands
 * the message to its channel. A failed send is retried with exponential backoff until the attempts are
 * spent, except a refusal of the recipient's address for good (SMTP 5xx to {@code RCPT TO}), which no
 * retry would change and gives the message up at once; a refusal of the relay (5xx to {@code MAIL FROM}
 * or {@code DATA}: credentials, TLS, a blocked client) is retried like an outage; a message whose recipient
 * is not known yet waits for the contact, up to a limit; one whose recipient was erased does not wait, and
 * is anonymised or given up.
 *
 * <p>Counts {@code tienda.notifications.sent} and {@code tienda.notifications.send.failures} (each failed
 * attempt) by channel and template, and {@code tienda.notifications.given.up} by reason.
 */
@Service
public class Sender {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);

    private final Notifications notifications;
    private final AddressBook addressBook;
    private final Templates templates;
    private final Map<Notification.Channel, NotificationChannel> channels = new EnumMap<>(Notification.Channel.class);
    private final RetryPolicy retries;
    private final NotificationsProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    Sender(Notifications notifications, AddressBook addressBook, Templates templates,
            List<NotificationChannel> channels, NotificationsProperties properties, MeterRegistry meters,
            Clock clock) {
        this.notifications = notifications;
        this.addressBook = addressBook;
        this.templates = templates;
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        NotificationsProperties.Sender sender = properties.sender();
        this.retries = new RetryPolicy(sender.initialBackoff(), sender.maxBackoff(), sender.maxAttempts());
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tienda.notifications.sender.interval:1s}")
    public void sendDue() {
        Duration lease = properties.sender().lease();
        for (int i = 0; i < properties.sender().batchSize(); i++) {
            Optional<Notifications.Claim> claimed;
            try {
                claimed = notifications.claimNext(clock.instant(), lease);
            } catch (RuntimeException e) {
                log.warn("cannot claim notifications: {}", e.toString());
                return;
            }
            if (claimed.isEmpty()) {
                return;
            }
            try {
                send(claimed.get());
            } catch (RuntimeException e) {
                // Left claimed: the lease runs out and the message is tried again then.
                log.error("notification {} could not be processed", claimed.get().notification().id(), e);
            }
        }
    }

    private void send(Notifications.Claim claim) {
        Instant now = clock.instant();
        Notification notification = claim.notification();
        List<String> to;
        String language;
        Map<String, String> variables = new HashMap<>(notification.variables());
        if (notification.hasAddresses()) {
            to = notification.addresses();
            language = Contact.language(notification.language());
        } else {
            if (notification.recipientId() == null && notification.orderId() != null) {
                Optional<String> customer = notifications.recipientOfOrder(notification.orderId());
                if (customer.isPresent()) {
                    notification = notification.forRecipient(customer.get());
                }
            }
            Optional<Contact> contact = addressBook.find(notification.recipientId());
            if (contact.isEmpty()) {
                if (recipientErased(notification, claim, now)) {
                    return;
                }
                Notification waiting = notification.awaitContact(properties.contactRetry(), properties.contactWait(),
                        now);
                if (!save(waiting, claim)) {
                    return;
                }
                if (waiting.status() == Notification.Status.FAILED) {
                    count("tienda.notifications.given.up", "reason", "no-contact");
                    log.warn("notification {} ({}) given up: {}", waiting.id(), waiting.template(),
                            waiting.failureReason());
                }
                return;
            }
            to = List.of(contact.get().email());
            language = notification.language() != null ? Contact.language(notification.language())
                    : contact.get().language();
            if (contact.get().name() != null) {
                variables.putIfAbsent("name", contact.get().name());
            }
        }
        Rendered rendered;
        try {
            rendered = templates.render(notification.template(), language, variables);
        } catch (DomainException e) {
            if (!save(notification.abandon("template " + notification.template() + "/" + language
                    + " does not render: " + e.getMessage(), now), claim)) {
                return;
            }
            count("tienda.notifications.given.up", "reason", "template");
            log.error("notification {} given up: its template does not render", notification.id());
            return;
        }
        NotificationChannel channel = channels.get(notification.channel());
        try {
            channel.send(new Outgoing(notification.id(), notification.channel(), to, rendered.subject(),
                    rendered.html(), rendered.text()));
        } catch (DeliveryFailedException e) {
            Notification failed = e.permanent() ? notification.sendRefused(e.getMessage(), clock.instant())
                    : notification.sendFailed(e.getMessage(), retries, clock.instant());
            if (!save(failed, claim)) {
                return;
            }
            count("tienda.notifications.send.failures", "channel", failed.channel().name(), "template",
                    failed.template());
            if (failed.status() == Notification.Status.FAILED) {
                count("tienda.notifications.given.up", "reason", e.permanent() ? "refused" : "attempts");
            }
            log.warn("notification {} ({}) not sent, attempt {}: {}; {}", failed.id(), failed.template(),
                    failed.attempts(), e.getMessage(), failed.status() == Notification.Status.FAILED ? "given up"
                            : "next attempt at " + failed.nextAttemptAt());
            return;
        }
        if (!save(notification.sent(rendered.subject(), clock.instant()), claim)) {
            return;
        }
        count("tienda.notifications.sent", "channel", notification.channel().name(), "template",
                notification.template());
        log.info("notification {} ({}, {}) sent", notification.id(), notification.template(), language);
    }

    /**
     * A message for someone erased is neither sent nor left waiting with its details for a contact that
     * will never come. One queued for them as they were erased (stored after the erasure had anonymised
     * their messages) still holds their id: it is anonymised as the erasure does, with anything else of
     * theirs still there, and this claim is dropped with it. A refund whose order's messages were anonymised
     * goes to the anonymous id that replaced its customer's: it is given up. True when the message was one
     * of these.
     */
    private boolean recipientErased(Notification notification, Notifications.Claim claim, Instant now) {
        String recipient = notification.recipientId();
        if (Notification.anonymous(recipient)) {
            if (save(notification.abandon(Notification.RECIPIENT_ERASED, now), claim)) {
                log.info("notification {} ({}) given up: its recipient was erased", notification.id(),
                        notification.template());
            }
            return true;
        }
        if (!addressBook.erased(recipient)) {
            return false;
        }
        notifications.anonymise(recipient, Notification.anonymousRecipient(), now);
        log.info("notification {} ({}) anonymised: its recipient was erased", notification.id(),
                notification.template());
        return true;
    }

    /**
     * Writes the outcome under the claim it was reached with. When the message changed meanwhile (its
     * recipient was erased and it was anonymised, or the lease ran out and another replica took it),
     * nothing is written: the recipient and variables held here must not overwrite what is there now.
     */
    private boolean save(Notification outcome, Notifications.Claim claim) {
        if (notifications.save(outcome, claim.until())) {
            return true;
        }
        log.warn("notification {} ({}) changed while it was being sent (recipient erased, or claimed again); "
                + "outcome {} not written", outcome.id(), outcome.template(), outcome.status());
        return false;
    }

    private void count(String name, String... tags) {
        Counter.builder(name).tags(tags).register(meters).increment();
    }
}
