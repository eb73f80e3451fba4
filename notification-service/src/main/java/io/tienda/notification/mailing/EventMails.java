package io.tienda.notification.mailing;

import io.tienda.notification.NotificationsProperties;
import io.tienda.notification.contact.AddressBook;
import io.tienda.notification.history.domain.Notification;
import io.tienda.notification.history.domain.Notifications;
import io.tienda.notification.mailing.domain.OrderNumbers;
import io.tienda.notification.mailing.domain.RefundAnnouncements;
import io.tienda.notification.mailing.domain.ReturnRefunds;
import io.tienda.notification.ticket.CustomerQueries;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.inventory.LowStock;
import io.tienda.platform.events.returns.ReturnApproved;
import io.tienda.platform.events.returns.ReturnExchanged;
import io.tienda.platform.events.returns.ReturnReceived;
import io.tienda.platform.events.returns.ReturnRefunded;
import io.tienda.platform.events.returns.ReturnRejected;
import io.tienda.platform.events.returns.ReturnRequested;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderDelivered;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.saga.OrderRefundSettled;
import io.tienda.platform.events.saga.OrderShipped;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.events.user.PasswordResetRequested;
import io.tienda.platform.events.user.UserContactChanged;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.events.user.UserRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the service mails for each event it consumes, and what it learns from user events. Each event
 * queues at most one message per recipient: the message's id is the event's id (plus the address's
 * digest for staff alerts), so a redelivered event finds its messages already queued and adds nothing.
 */
@Service
public class EventMails {

    private static final Logger log = LoggerFactory.getLogger(EventMails.class);

    private final Notifications notifications;
    private final AddressBook addressBook;
    private final CustomerQueries queries;
    private final RefundAnnouncements refunds;
    private final ReturnRefunds returnRefunds;
    private final OrderNumbers orderNumbers;
    private final NotificationsProperties properties;
    private final Clock clock;

    EventMails(Notifications notifications, AddressBook addressBook, CustomerQueries queries,
            RefundAnnouncements refunds, ReturnRefunds returnRefunds, OrderNumbers orderNumbers,
            NotificationsProperties properties, Clock clock) {
        this.notifications = notifications;
        this.addressBook = addressBook;
        this.queries = queries;
        this.refunds = refunds;
        this.returnRefunds = returnRefunds;
        this.orderNumbers = orderNumbers;
        this.properties = properties;
        this.clock = clock;
    }

    // --- user.events

    public void registered(UUID eventId, Instant occurredAt, UserRegistered e) {
        String userId = e.userId().toString();
        addressBook.learn(userId, e.email(), e.name(), e.language(), occurredAt);
        queue(Notification.pending(eventId.toString(), userId, List.of(e.email()), e.language(), null,
                Notification.Channel.EMAIL, "verify-email", vars("name", e.name(),
                        "link", link("/verify-email?token=" + encode(e.verificationToken())),
                        "expiresAt", text(e.expiresAt())), clock.instant()));
    }

    public void passwordResetRequested(UUID eventId, PasswordResetRequested e) {
        queue(Notification.pending(eventId.toString(), e.userId().toString(), List.of(e.email()), e.language(), null,
                Notification.Channel.EMAIL, "password-reset", vars("name", e.name(),
                        "link", link("/reset-password?token=" + encode(e.token())),
                        "expiresAt", text(e.expiresAt())), clock.instant()));
    }

    public void contactChanged(Instant occurredAt, UserContactChanged e) {
        addressBook.learn(e.userId().toString(), e.email(), e.name(), e.language(), occurredAt);
    }

    /** The user's address goes, their history and tickets are anonymised, pending messages given up. */
    public void erased(UserErased e) {
        String userId = e.userId().toString();
        Instant now = clock.instant();
        addressBook.erase(userId, e.erasedAt() == null ? now : e.erasedAt());
        String anonymous = Notification.anonymousRecipient();
        long messages = notifications.anonymise(userId, anonymous, now);
        int tickets = queries.erase(userId, anonymous);
        log.info("user {} erased: contact removed, {} notifications and {} tickets anonymised", userId, messages,
                tickets);
    }

    // --- order.events and payment.events

    public void orderConfirmed(UUID eventId, OrderConfirmed e) {
        String order = e.orderId().toString();
        rememberNumber(order, e.orderNumber());
        int items = e.lines() == null ? 0 : e.lines().stream().mapToInt(OrderLine::quantity).sum();
        toCustomer(eventId, e.customerId(), order, "order-confirmed", vars("order", reference(e.orderNumber(), order),
                "total", amount(e.total()), "items", Integer.toString(items), "link", orderLink(order)));
    }

    public void orderShipped(UUID eventId, OrderShipped e) {
        String order = e.orderId().toString();
        toCustomer(eventId, e.customerId(), order, "order-shipped", vars("order", reference(e.orderNumber(), order),
                "carrier", e.carrier(), "trackingNumber", e.trackingNumber(), "link", orderLink(order)));
    }

    public void orderDelivered(UUID eventId, OrderDelivered e) {
        String order = e.orderId().toString();
        toCustomer(eventId, e.customerId(), order, "order-delivered",
                vars("order", reference(e.orderNumber(), order), "link", orderLink(order)));
    }

    /** returns-service asks for the refund of a return with this prefix and the return's id. */
    static final String RETURN_REFUND_KEY_PREFIX = "return:";

    public void orderCancelled(UUID eventId, OrderCancelled e) {
        String order = e.orderId().toString();
        rememberNumber(order, e.orderNumber());
        // a failed checkout leaves the goods in the cart (cart-service gives back what a confirmation took)
        toCustomer(eventId, e.customerId(), order, "order-cancelled",
                vars("order", reference(e.orderNumber(), order), "reason", e.reason(), "link", orderLink(order),
                        "checkoutFailed", e.byFailedCheckout() ? "true" : null));
    }

    /**
     * Staff paid back another way (a bank transfer) a cancellation's refund that failed: the customer, who
     * was mailed {@code payment-refund-failed} (or nothing, when the provider refused it at once), hears the
     * money is theirs after all.
     */
    public void orderRefundSettled(UUID eventId, OrderRefundSettled e) {
        String order = e.orderId().toString();
        toCustomer(eventId, e.customerId(), order, "refund-settled", vars("order", reference(e.orderNumber(), order),
                "amount", amount(e.amount()), "link", orderLink(order)));
    }

    /**
     * The refund names only its order: the customer is found from the order's other messages when sending, and
     * the order's number from its confirmation or cancellation ({@link OrderNumbers}).
     * The refund of a return (its command's key is {@code return:<id>}) is announced by
     * {@code returns.refunded}, with the RMA and the lines; a second mail would only repeat it. Its refund id
     * is remembered with the return, so that a later failure of that refund corrects the return's mail; a
     * failure that came first is handled then, as if it came after.
     */
    public void paymentRefunded(UUID eventId, PaymentRefunded e) {
        if (e.refundKey() != null && e.refundKey().startsWith(RETURN_REFUND_KEY_PREFIX)) {
            Optional<String> returnId = returnOfRefundKey(e.refundKey());
            if (returnId.isPresent() && e.refundId() != null && !e.refundId().isBlank()) {
                ReturnRefunds.Refund refund = new ReturnRefunds.Refund(e.refundId(), returnId.get(),
                        e.orderId().toString(), amount(e.amount()), false);
                // Remembered before the failure is looked for, as paymentRefundFailed records the failure before
                // it looks for the refund: whichever comes second sees the other.
                returnRefunds.refunded(refund);
                refunds.failure(e.refundId()).ifPresent(failed ->
                        returnRefundFailed(failed, returnRefunds.refund(e.refundId()).orElse(refund)));
            }
            return;
        }
        String order = e.orderId().toString();
        Notification message = Notification.pending(eventId.toString(), null, List.of(), null, order,
                Notification.Channel.EMAIL, "payment-refunded", vars("order", knownReference(order),
                        "amount", amount(e.amount()), "link", orderLink(order)), clock.instant());
        if (e.refundId() == null || e.refundId().isBlank()) {
            queue(message);
            return;
        }
        // Before the message: a crash in between leaves a memory of a message that the redelivered event then
        // queues, never a message whose refund could fail unnoticed. Remembered before the failure is looked
        // for, as paymentRefundFailed records the failure before it looks for the announcement: whichever
        // comes second sees the other.
        RefundAnnouncements.Announcement announcement = new RefundAnnouncements.Announcement(e.refundId(), order,
                eventId.toString(), amount(e.amount()));
        refunds.remember(announcement);
        Optional<RefundAnnouncements.Failure> failure = refunds.failure(e.refundId());
        if (failure.isPresent()) {
            // The failure came first (payment-service's send of this event was resubmitted after it): the mail
            // is queued given up, so no sender ever takes it, and the failure is handled as one that came
            // before the mail went out.
            queue(message.abandon(REFUND_FAILED_BEFORE_SENT, clock.instant()));
        } else {
            queue(message);
            // The failure may have been recorded while the mail was queued, without seeing the announcement.
            failure = refunds.failure(e.refundId());
        }
        failure.ifPresent(failed -> announcedRefundFailed(failed, refunds.find(e.refundId()).orElse(announcement)));
    }

    /** Why a refund mail still waiting is given up when its refund fails before it went out. */
    public static final String REFUND_FAILED_BEFORE_SENT = "the refund failed before this message was sent";

    /**
     * A refund failed. Only one this service announced matters here, with {@code payment-refunded} or, for a
     * return, {@code return-refunded} ({@link #returnRefundFailed}): it failed at the provider after it had
     * succeeded (e.g. the card was closed), and the customer believes the money is on its way. A refund refused
     * or failed at once was never announced (no {@code payment.refunded} named it): nothing is sent. The
     * failure of every refund is remembered: its {@code payment.refunded} may still come, delivered late by a
     * resubmitted send, and is then handled as if the failure came after it ({@link #paymentRefunded}), for an
     * order's refund as for a return's.
     *
     * <p>If the refund mail has not gone out yet and no sender holds it, it is withdrawn and the customer
     * hears nothing; if it went out, or is going out now, the customer is told the refund failed and that the
     * shop will contact them. Either way the staff list is alerted, one message per address, as low stock is.
     * The customer's message has the event's id and the staff's {@code <eventId>:staff:<digest>}, so a
     * redelivered event queues nothing more; the recipient is the order's customer, found when sending.
     */
    public void paymentRefundFailed(UUID eventId, PaymentRefundFailed e) {
        if (e.refundId() == null || e.refundId().isBlank()) {
            return;
        }
        RefundAnnouncements.Failure failure = new RefundAnnouncements.Failure(e.refundId(), eventId.toString(),
                e.orderId().toString(), e.paymentId(), amount(e.amount()), e.reason());
        // Recorded before the refund is looked for, as paymentRefunded remembers the refund (an order's
        // announcement or a return's) before it looks for the failure: whichever comes second sees the other.
        refunds.failed(failure);
        Optional<RefundAnnouncements.Announcement> announced = refunds.find(e.refundId());
        if (announced.isPresent()) {
            announcedRefundFailed(failure, announced.get());
            return;
        }
        Optional<ReturnRefunds.Refund> ofReturn = returnRefunds.refund(e.refundId());
        if (ofReturn.isPresent()) {
            returnRefundFailed(failure, ofReturn.get());
            return;
        }
        log.debug("refund {} of order {} failed; it was not mailed as made (its payment.refunded, should it "
                + "come late, will not be)", e.refundId(), e.orderId());
    }

    /**
     * The failure of a refund mailed as made, in whichever order the two arrived: the customer is corrected if
     * the refund mail went out (or is going out), the mail withdrawn if not, and the staff list alerted. Every
     * message has the failure event's id (the staff's {@code <eventId>:staff:<digest>}), so either event
     * delivered again queues nothing more.
     */
    private void announcedRefundFailed(RefundAnnouncements.Failure failure,
            RefundAnnouncements.Announcement announced) {
        String order = failure.orderId();
        String amount = failure.amount() != null ? failure.amount() : announced.amount();
        boolean customerTold = customerWasTold(announced.notificationId());
        if (customerTold) {
            queue(Notification.pending(failure.eventId(), null, List.of(), null, order, Notification.Channel.EMAIL,
                    "payment-refund-failed", vars("order", knownReference(order), "amount", amount,
                            "link", orderLink(order)),
                    clock.instant()));
        }
        log.warn("refund {} of order {} failed after it was announced; customer {}", failure.refundId(), order,
                customerTold ? "told" : "not told (the refund mail had not gone out and was withdrawn)");
        toStaff(UUID.fromString(failure.eventId()), "refund-failed-alert", vars("order", order,
                "refund", failure.refundId(), "payment", failure.paymentId(), "amount", amount,
                "reason", failure.reason(), "customerTold", customerTold ? "yes" : null));
    }

    /**
     * A return's refund failed at the provider after it had succeeded. The customer was told by the
     * {@code return-refunded} mail paired with the refund ({@link ReturnRefunds}): if it went out, or is going
     * out now, they get {@code return-refund-failed}; if it waits, it is withdrawn; if its
     * {@code returns.refunded} has not arrived yet, the refund is marked failed first, and that mail is
     * withdrawn as soon as it is queued ({@link #returnRefunded}). Either way the staff list is alerted. Every
     * message has the failure event's id, so the failure or the refund delivered again queues nothing more.
     */
    private void returnRefundFailed(RefundAnnouncements.Failure failure, ReturnRefunds.Refund refund) {
        // Marked before the mail is looked for, as returnRefunded records its mail before it looks at the
        // refund: whichever comes second sees the other.
        returnRefunds.failed(refund.refundId());
        String order = refund.orderId();
        String amount = failure.amount() != null ? failure.amount() : refund.amount();
        Optional<ReturnRefunds.Mail> mail = returnRefunds.mailOf(refund);
        Optional<String> customer = mail.filter(m -> customerWasTold(m.notificationId()))
                .flatMap(m -> notifications.find(m.notificationId())).map(Notification::recipientId)
                .filter(recipient -> !Notification.anonymous(recipient));
        if (customer.isPresent()) {
            queue(Notification.pending(failure.eventId(), customer.get(), List.of(), null, order,
                    Notification.Channel.EMAIL, "return-refund-failed", vars("rma", mail.get().rma(),
                            "amount", amount, "link", orderLink(order)), clock.instant()));
        }
        log.warn("refund {} of return {} (order {}) failed after it had succeeded; customer {}", refund.refundId(),
                refund.returnId(), order, customer.isPresent() ? "told"
                        : "not told (the return-refunded mail had not gone out, or had been given up)");
        toStaff(UUID.fromString(failure.eventId()), "refund-failed-alert", vars("order", order,
                "refund", refund.refundId(), "payment", failure.paymentId(), "amount", amount,
                "reason", failure.reason(),
                "customerTold", customer.isPresent() ? "yes" : null,
                "rma", mail.map(ReturnRefunds.Mail::rma).orElse(null)));
    }

    /**
     * Whether the customer got (or is getting) the refund mail: false once it is withdrawn here, or when it
     * was given up without being sent (a refused address, an erased customer).
     */
    private boolean customerWasTold(String refundMail) {
        if (notifications.withdraw(refundMail, REFUND_FAILED_BEFORE_SENT, clock.instant())) {
            return false;
        }
        return notifications.find(refundMail).map(n -> n.status() != Notification.Status.FAILED).orElse(false);
    }

    // --- returns.events

    public void returnRequested(UUID eventId, ReturnRequested e) {
        String order = e.orderId().toString();
        toCustomer(eventId, e.customerId(), order, "return-requested", vars("rma", e.rma(),
                "order", reference(e.orderNumber(), order), "resolution", e.resolution(), "link", orderLink(order)));
    }

    public void returnApproved(UUID eventId, ReturnApproved e) {
        String order = e.orderId().toString();
        toCustomer(eventId, e.customerId(), order, "return-approved",
                vars("rma", e.rma(), "note", e.note(), "link", orderLink(order)));
    }

    public void returnRejected(UUID eventId, ReturnRejected e) {
        String order = e.orderId().toString();
        toCustomer(eventId, e.customerId(), order, "return-rejected",
                vars("rma", e.rma(), "reason", e.reason(), "link", orderLink(order)));
    }

    public void returnReceived(UUID eventId, ReturnReceived e) {
        String order = e.orderId().toString();
        toCustomer(eventId, e.customerId(), order, "return-received", vars("rma", e.rma(), "link", orderLink(order)));
    }

    /**
     * The return's customer is told their refund was made. A refund of more than 0 was paid by a
     * {@code payment.refunded} (which may arrive before or after this): the mail is remembered with the
     * return, and if that refund has already failed, the mail is withdrawn before it goes out.
     */
    public void returnRefunded(UUID eventId, ReturnRefunded e) {
        String order = e.orderId().toString();
        boolean paid = e.returnId() != null && e.amount().amount() > 0;
        ReturnRefunds.Mail mail = new ReturnRefunds.Mail(eventId.toString(),
                e.returnId() == null ? null : e.returnId().toString(), order, e.rma(), amount(e.amount()));
        if (paid) {
            returnRefunds.mailed(mail);
        }
        Notification message = Notification.pending(eventId.toString(), Objects.requireNonNull(e.customerId(),
                "customerId"), List.of(), null, order, Notification.Channel.EMAIL, "return-refunded",
                vars("rma", e.rma(), "amount", amount(e.amount()), "link", orderLink(order)), clock.instant());
        if (paid && refundFailed(mail)) {
            // The failure came first: the mail is queued given up, so no sender ever takes it (or, queued
            // before by this event delivered again, withdrawn unless it went out).
            if (!queue(message.abandon(REFUND_FAILED_BEFORE_SENT, clock.instant()))) {
                notifications.withdraw(message.id(), REFUND_FAILED_BEFORE_SENT, clock.instant());
            }
            log.warn("return {}: its refund failed before the return-refunded mail was queued; not sent", e.returnId());
            return;
        }
        queue(message);
        // The failure may have been handled while the mail was queued, without seeing it: looked at again. A
        // sender that claimed the mail in that moment sends it uncorrected (the staff alert says the customer
        // was not told).
        if (paid && refundFailed(mail)
                && notifications.withdraw(mail.notificationId(), REFUND_FAILED_BEFORE_SENT, clock.instant())) {
            log.warn("return {}: its refund failed before the return-refunded mail went out; withdrawn", e.returnId());
        }
    }

    private boolean refundFailed(ReturnRefunds.Mail mail) {
        return returnRefunds.refundOf(mail).filter(ReturnRefunds.Refund::failed).isPresent();
    }

    /** The return's id in a refund key {@code return:<id>} or {@code return:<id>:<attempt>}. */
    static Optional<String> returnOfRefundKey(String refundKey) {
        int start = RETURN_REFUND_KEY_PREFIX.length();
        if (refundKey == null || !refundKey.startsWith(RETURN_REFUND_KEY_PREFIX) || refundKey.length() < start + 36
                || (refundKey.length() > start + 36 && refundKey.charAt(start + 36) != ':')) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(refundKey.substring(start, start + 36)).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void returnExchanged(UUID eventId, ReturnExchanged e) {
        String replacement = e.replacementOrderId() == null ? null : e.replacementOrderId().toString();
        toCustomer(eventId, e.customerId(), e.orderId().toString(), "return-exchanged", vars("rma", e.rma(),
                "replacementOrder", replacement,
                "link", orderLink(replacement == null ? e.orderId().toString() : replacement)));
    }

    // --- inventory.events

    /**
     * To the staff list, one message per address: each is sent, retried and given up on its own, so an
     * address the relay refuses costs nobody else the alert. With nobody on the list, nothing is queued.
     */
    public void lowStock(UUID eventId, LowStock e) {
        toStaff(eventId, "low-stock", vars("sku", e.sku(), "warehouse", e.warehouse(),
                "onHand", Integer.toString(e.onHand()), "available", Integer.toString(e.available()),
                "reorderPoint", Integer.toString(e.reorderPoint()),
                "reorderQuantity", Integer.toString(e.reorderQuantity())));
    }

    /** One message per address of the staff list, in the staff's language; nothing when the list is empty. */
    private void toStaff(UUID eventId, String template, Map<String, String> variables) {
        if (properties.staffRecipients().isEmpty()) {
            log.debug("{} of event {}: no staff recipients configured", template, eventId);
            return;
        }
        for (String recipient : new LinkedHashSet<>(properties.staffRecipients())) {
            queue(Notification.pending(staffMessageId(eventId, recipient), null, List.of(recipient),
                    properties.staffLanguage(), null, Notification.Channel.EMAIL, template, variables,
                    clock.instant()));
        }
    }

    /**
     * {@code <eventId>:staff:<12 hex digits of the address's SHA-256>}: stable for a redelivered event
     * whatever the order of the list, and no address in ids, logs or mail headers.
     */
    static String staffMessageId(UUID eventId, String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return eventId + ":staff:" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private void toCustomer(UUID eventId, String customerId, String orderId, String template,
            Map<String, String> variables) {
        queue(Notification.pending(eventId.toString(), Objects.requireNonNull(customerId, "customerId"), List.of(),
                null, orderId, Notification.Channel.EMAIL, template, variables, clock.instant()));
    }

    /**
     * Stores a new message unless one with its id exists or its recipient was erased. An event about a user
     * may arrive after their erasure (another topic, in no order with it), and its message would hold their
     * id and the event's details for good: nothing anonymises it afterwards. So it is not stored, and the
     * same event delivered again stores nothing either. True when this call stored the message.
     */
    private boolean queue(Notification notification) {
        String recipient = notification.recipientId();
        if (addressBook.erased(recipient)) {
            log.info("notification {} ({}) not queued: its recipient was erased", notification.id(),
                    notification.template());
            return false;
        }
        if (!notifications.addOnce(notification)) {
            log.debug("notification {} already queued", notification.id());
            return false;
        }
        // The erasure may have anonymised the recipient's messages between the look above and the insert. It
        // writes its tombstone before it anonymises, and this looks again after the insert: whichever comes
        // second sees the other. (A message stored already given up is never claimed by a sender, which
        // anonymises the pending ones it finds for an erased recipient.)
        if (addressBook.erased(recipient)) {
            notifications.anonymise(recipient, Notification.anonymousRecipient(), clock.instant());
            log.info("notification {} ({}) anonymised: its recipient was erased as it was queued",
                    notification.id(), notification.template());
        }
        return true;
    }

    private String link(String path) {
        return properties.publicBaseUrl() + path;
    }

    private String orderLink(String orderId) {
        return link("/orders/" + orderId);
    }

    /**
     * How a mail names an order: by the number the shop shows the shopper, or by its id when the event has no
     * number (an {@code order.confirmed} or {@code order.cancelled} published before it carried one).
     */
    private static String reference(String number, String id) {
        return number == null || number.isBlank() ? id : number;
    }

    /** The events that carry the order's number teach it, for those that name only the order's id. */
    private void rememberNumber(String orderId, String number) {
        if (number != null && !number.isBlank()) {
            orderNumbers.remember(orderId, number);
        }
    }

    /** How a mail about an event that names only the order's id names the order: by its number once known. */
    private String knownReference(String orderId) {
        return reference(orderNumbers.of(orderId).orElse(null), orderId);
    }

    private static String encode(String token) {
        return URLEncoder.encode(Objects.requireNonNull(token, "token"), StandardCharsets.UTF_8);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Minor units as a decimal amount and the currency, e.g. {@code 49.90 EUR}. */
    static String amount(Money money) {
        if (money == null) {
            return null;
        }
        int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(money.amount(), digits).toPlainString() + " " + money.currency();
    }

    /** Variables from name/value pairs; absent values are left out (templates show their defaults). */
    private static Map<String, String> vars(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                values.put(pairs[i], pairs[i + 1]);
            }
        }
        return values;
    }
}
