package io.tienda.notification.mailing.domain;

import java.util.Optional;

/**
 * The refunds this service told a customer were made, by the provider's refund id: payment-service may
 * announce later that one of them failed after all ({@code payment.refund_failed} with the same
 * {@code refundId}), and only then does the customer need to hear about it again. The failures are kept
 * too: payment-service publishes a refund and its later failure in two transactions, and a resubmitted send
 * can deliver the failure first, before the refund it names is known here.
 */
public interface RefundAnnouncements {

    /**
     * A refund mailed as made.
     *
     * @param refundId       the provider's (or payment-service's) id of the refund
     * @param orderId        the order refunded
     * @param notificationId the message that said so (the id of the {@code payment.refunded} event)
     * @param amount         the amount as the message showed it, e.g. {@code 19.95 EUR}
     */
    record Announcement(String refundId, String orderId, String notificationId, String amount) {
    }

    /** Remembers an announcement; the first one of a refund stays, so a redelivered event changes nothing. */
    void remember(Announcement announcement);

    Optional<Announcement> find(String refundId);

    /**
     * A {@code payment.refund_failed} naming a refund.
     *
     * @param refundId  the refund that failed
     * @param eventId   the failure event's id, which the messages it queues carry
     * @param orderId   the order refunded
     * @param paymentId the payment refunded, if the event named it
     * @param amount    the amount as a message shows it, if the event carried it
     * @param reason    the provider's reason, for staff only
     */
    record Failure(String refundId, String eventId, String orderId, String paymentId, String amount,
            String reason) {
    }

    /** Remembers a failure; the first one of a refund stays, so a redelivered event changes nothing. */
    void failed(Failure failure);

    Optional<Failure> failure(String refundId);
}
