package io.tienda.notification.mailing.domain;

import java.util.Optional;

/**
 * The refunds of returns, and the {@code return-refunded} mails that told their customers, so that a refund
 * that fails at the provider after it succeeded can be corrected. A return's refund is announced twice, on
 * two topics that arrive in either order: payment-service's {@code payment.refunded} (its refund id, and the
 * key {@code return:<returnId>[:<attempt>]} returns-service asked with) and returns-service's
 * {@code returns.refunded} (the return, its RMA, the mail), which returns-service publishes once per refund
 * that paid the return. Neither names the other's id: they are paired by return, the first refund of a
 * return with its first mail, the second with the second (a refund asked again after the first failed).
 */
public interface ReturnRefunds {

    /** A refund that paid a return ({@code payment.refunded} with a {@code return:} key). */
    record Refund(String refundId, String returnId, String orderId, String amount, boolean failed) {
    }

    /** A {@code return-refunded} mail ({@code returns.refunded} of a return refunded more than 0). */
    record Mail(String notificationId, String returnId, String orderId, String rma, String amount) {
    }

    /** Remembers a refund; the first record stays, so a redelivered event changes nothing. */
    void refunded(Refund refund);

    /** Remembers a mail; the first record stays, so a redelivered event changes nothing. */
    void mailed(Mail mail);

    Optional<Refund> refund(String refundId);

    /** The refund failed at the provider after it had succeeded. */
    void failed(String refundId);

    /** The mail paired with the refund: as many mails before it of its return as refunds before the refund. */
    Optional<Mail> mailOf(Refund refund);

    /** The refund paired with the mail, the other way round; empty while its {@code payment.refunded} is to come. */
    Optional<Refund> refundOf(Mail mail);
}
