package io.tienda.notification.mailing;

import io.tienda.notification.NotificationServiceIT;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.returns.ReturnRefundSettled;
import io.tienda.platform.events.returns.ReturnRefunded;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.testing.infra.ReceivedMail;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The refund of a return, mailed as made by {@code returns.refunded}, that fails at the provider later: the
 * customer is told it did not go through and the staff list is alerted, whichever of {@code payment.refunded}
 * and {@code returns.refunded} arrived first; a mail not sent yet is withdrawn instead, also when the failure
 * arrives before the refund; a refund that fails at once sends nothing.
 */
class ReturnRefundFailureIT extends NotificationServiceIT {

    private static final String REASON = "expired_or_canceled_card";

    @Test
    void returnsRefundedFirstThenItsRefundFailsLate() {
        Customer lucia = customer("lucia", "Lucía", "en");
        String customer = lucia.id();
        String email = lucia.email();
        AReturn theReturn = AReturn.next();
        UUID order = theReturn.order();
        UUID returnId = theReturn.id();
        String rma = theReturn.rma();
        String refund = "re_" + UUID.randomUUID();
        String key = theReturn.key();

        UUID mailed = returnRefunded(returnId, rma, order, customer, 2500);
        awaitNotification(mailed.toString(), "SENT");
        events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-r1", refund,
                Money.of(2500, "EUR"), key));
        PaymentRefundFailed failure = new PaymentRefundFailed(order, "pay-r1", refund, Money.of(2500, "EUR"), REASON,
                key);
        UUID failed = events.send(Topics.PAYMENT_EVENTS, order.toString(), failure);

        ReceivedMail correction = correction(email, rma, "25.00 EUR");
        assertThat(correction.text()).startsWith("Hello Lucía,").contains("return " + rma)
                .contains("will contact you").contains(BASE + "/orders/" + order)
                .doesNotContain(REASON).doesNotContain(refund);
        assertThat(correction.html()).contains("25.00 EUR").contains(rma).doesNotContain(REASON);
        assertThat(awaitNotification(failed.toString(), "SENT").getString("recipientId")).isEqualTo(customer);
        List<ReceivedMail> alerts = staffAlerts(order, 2);
        assertThat(alerts.stream().flatMap(m -> m.to().stream()))
                .containsExactlyInAnyOrder("stock@tienda.example.com", "buyer@tienda.example.com");
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.text()).contains(refund).contains("25.00 EUR")
                .contains(REASON).contains("they have been sent a message")
                .contains("It was the refund of return " + rma + ", which is waiting for its refund again"));

        // Once per event: the failure and the return's mail delivered again send nothing more.
        events.send(Topics.PAYMENT_EVENTS, order.toString(), failed, failure);
        events.send(Topics.RETURNS_EVENTS, returnId.toString(), mailed, new ReturnRefunded(returnId, rma, order,
                customer, Money.of(2500, "EUR"), List.of(), Instant.now()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                mailFor(email).size() == 2 && staffAlertsNow(order).size() == 2);
        assertThat(staffMessages(failed)).hasSize(2);
    }

    @Test
    void paymentRefundedFirstThenItsRefundFailsLateAndTheRetryToo() {
        Customer mateo = customer("mateo", "Mateo", "es");
        String customer = mateo.id();
        String email = mateo.email();
        AReturn theReturn = AReturn.next();
        UUID order = theReturn.order();
        UUID returnId = theReturn.id();
        String rma = theReturn.rma();
        String first = "re_" + UUID.randomUUID();
        String key = theReturn.key();

        UUID refunded = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-r2",
                first, Money.of(1000, "EUR"), key));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(first, Document.class, "return_refunds"),
                d -> d != null && returnId.toString().equals(d.getString("returnId")));
        assertThat(notification(refunded.toString())).isNull();
        UUID mailed = returnRefunded(returnId, rma, order, customer, 1000);
        awaitNotification(mailed.toString(), "SENT");
        events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, "pay-r2", first,
                Money.of(1000, "EUR"), REASON, key));

        ReceivedMail correction = mailFor(email, 2).stream().filter(m -> m.subject()
                .equals("Devolución " + rma + ": tu reembolso de 10.00 EUR no se ha completado")).findFirst()
                .orElseThrow();
        assertThat(correction.text()).startsWith("Hola Mateo,").contains("devolución " + rma)
                .contains("se pondrá en contacto contigo").doesNotContain(REASON);
        staffAlerts(order, 2);

        // Staff ask again (returns-service's key for a retry); it is refunded and mailed, and fails late too:
        // the correction is for the second mail, and the staff get a second alert.
        String second = "re_" + UUID.randomUUID();
        String retryKey = key + ":" + System.currentTimeMillis();
        UUID mailedAgain = returnRefunded(returnId, rma, order, customer, 1000);
        awaitNotification(mailedAgain.toString(), "SENT");
        events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-r2", second,
                Money.of(1000, "EUR"), retryKey));
        UUID failedAgain = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order,
                "pay-r2", second, Money.of(1000, "EUR"), REASON, retryKey));
        assertThat(awaitNotification(failedAgain.toString(), "SENT").getString("template"))
                .isEqualTo("return-refund-failed");
        assertThat(mailFor(email, 4)).extracting(ReceivedMail::subject).filteredOn(s -> s.contains("no se ha completado"))
                .hasSize(2);
        assertThat(staffAlerts(order, 4)).hasSize(4);
    }

    @Test
    void aReturnMailNotSentYetIsWithdrawnWhenItsRefundFailsWhicheverArrivesFirst() {
        // The mail waits for its customer's contact when the refund fails: withdrawn, the customer hears of neither.
        String waiting = UUID.randomUUID().toString();
        UUID order = UUID.randomUUID();
        UUID returnId = UUID.randomUUID();
        String refund = "re_" + UUID.randomUUID();
        String key = "return:" + returnId;
        UUID mailed = returnRefunded(returnId, "RMA-W1", order, waiting, 700);
        await().atMost(Duration.ofSeconds(20)).until(() -> notification(mailed.toString()),
                n -> n != null && "waiting for the recipient's contact details".equals(n.getString("failureReason")));
        events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-r3", refund,
                Money.of(700, "EUR"), key));
        UUID failed = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, "pay-r3",
                refund, Money.of(700, "EUR"), REASON, key));

        Document withdrawn = awaitNotification(mailed.toString(), "FAILED");
        assertThat(withdrawn.getString("failureReason")).isEqualTo(EventMails.REFUND_FAILED_BEFORE_SENT);
        assertThat(staffAlerts(order, 2)).allSatisfy(alert -> assertThat(alert.text())
                .contains("had not been told").doesNotContain("they have been sent a message"));
        assertThat(notification(failed.toString())).isNull();

        // The refund fails before returns.refunded arrives: its mail is withdrawn as soon as it is queued.
        Customer nora = customer("nora", "Nora", "en");
        String customer = nora.id();
        String email = nora.email();
        UUID otherOrder = UUID.randomUUID();
        UUID otherReturn = UUID.randomUUID();
        String otherRefund = "re_" + UUID.randomUUID();
        events.send(Topics.PAYMENT_EVENTS, otherOrder.toString(), new PaymentRefunded(otherOrder, "pay-r4",
                otherRefund, Money.of(900, "EUR"), "return:" + otherReturn));
        UUID otherFailed = events.send(Topics.PAYMENT_EVENTS, otherOrder.toString(), new PaymentRefundFailed(
                otherOrder, "pay-r4", otherRefund, Money.of(900, "EUR"), REASON, "return:" + otherReturn));
        assertThat(staffAlerts(otherOrder, 2)).allSatisfy(alert -> assertThat(alert.text())
                .contains("had not been told"));
        UUID late = returnRefunded(otherReturn, "RMA-W2", otherOrder, customer, 900);
        assertThat(awaitNotification(late.toString(), "FAILED").getString("failureReason"))
                .isEqualTo(EventMails.REFUND_FAILED_BEFORE_SENT);
        assertThat(notification(otherFailed.toString())).isNull();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailFor(email).isEmpty());
    }

    /**
     * payment-service's send of a return's refund was resubmitted after its failure's, so the failure comes
     * first, then the refund, then the return's mail: the mail is never sent and staff are alerted once.
     */
    @Test
    void aReturnsRefundWhoseFailureArrivesFirstIsNeverMailedAsMade() {
        Customer ines = customer("ines", "Inés", "en");
        AReturn theReturn = AReturn.next();
        UUID order = theReturn.order();
        String refund = "re_" + UUID.randomUUID();
        PaymentRefundFailed failure = new PaymentRefundFailed(order, "pay-r7", refund, Money.of(1200, "EUR"), REASON,
                theReturn.key());
        PaymentRefunded refunded = new PaymentRefunded(order, "pay-r7", refund, Money.of(1200, "EUR"),
                theReturn.key());
        ReturnRefunded returned = new ReturnRefunded(theReturn.id(), theReturn.rma(), order, ines.id(),
                Money.of(1200, "EUR"), List.of(), Instant.now());
        UUID failed = events.send(Topics.PAYMENT_EVENTS, order.toString(), failure);
        UUID made = events.send(Topics.PAYMENT_EVENTS, order.toString(), refunded);
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(refund, Document.class, "return_refunds"),
                d -> d != null);
        UUID mailed = events.send(Topics.RETURNS_EVENTS, theReturn.id().toString(), returned);

        assertThat(awaitNotification(mailed.toString(), "FAILED").getString("failureReason"))
                .isEqualTo(EventMails.REFUND_FAILED_BEFORE_SENT);
        assertThat(staffAlerts(order, 2)).allSatisfy(alert -> assertThat(alert.text()).contains(refund)
                .contains("12.00 EUR").contains("pay-r7").contains(REASON).contains("had not been told"));
        assertThat(staffMessages(failed)).hasSize(2);
        assertThat(notification(failed.toString())).isNull();
        assertThat(notification(made.toString())).isNull();

        // Each event delivered again, in another order, changes nothing.
        events.send(Topics.RETURNS_EVENTS, theReturn.id().toString(), mailed, returned);
        events.send(Topics.PAYMENT_EVENTS, order.toString(), made, refunded);
        events.send(Topics.PAYMENT_EVENTS, order.toString(), failed, failure);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                mailFor(ines.email()).isEmpty() && staffAlertsNow(order).size() == 2);
        assertThat(notification(mailed.toString()).getString("status")).isEqualTo("FAILED");
        assertThat(staffMessages(failed)).hasSize(2);
    }

    /**
     * The failure first, then the return's mail (waiting for its customer's contact), then the refund: the
     * refund withdraws the mail, and the customer, once known, hears of neither.
     */
    @Test
    void aReturnsRefundWhoseFailureArrivesFirstWithdrawsAMailThatCameBeforeTheRefund() {
        String customer = UUID.randomUUID().toString();
        String email = address("olga");
        AReturn theReturn = AReturn.next();
        UUID order = theReturn.order();
        String refund = "re_" + UUID.randomUUID();
        PaymentRefundFailed failure = new PaymentRefundFailed(order, "pay-r8", refund, Money.of(800, "EUR"), REASON,
                theReturn.key());
        PaymentRefunded refunded = new PaymentRefunded(order, "pay-r8", refund, Money.of(800, "EUR"),
                theReturn.key());
        ReturnRefunded returned = new ReturnRefunded(theReturn.id(), theReturn.rma(), order, customer,
                Money.of(800, "EUR"), List.of(), Instant.now());
        UUID failed = events.send(Topics.PAYMENT_EVENTS, order.toString(), failure);
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(refund, Document.class, "refund_failures"),
                d -> d != null);
        UUID mailed = events.send(Topics.RETURNS_EVENTS, theReturn.id().toString(), returned);
        await().atMost(Duration.ofSeconds(20)).until(() -> notification(mailed.toString()),
                n -> n != null && "waiting for the recipient's contact details".equals(n.getString("failureReason")));
        UUID made = events.send(Topics.PAYMENT_EVENTS, order.toString(), refunded);

        assertThat(awaitNotification(mailed.toString(), "FAILED").getString("failureReason"))
                .isEqualTo(EventMails.REFUND_FAILED_BEFORE_SENT);
        assertThat(staffAlerts(order, 2)).allSatisfy(alert -> assertThat(alert.text()).contains(refund)
                .contains("8.00 EUR").contains(REASON).contains("had not been told")
                .contains("It was the refund of return " + theReturn.rma()));
        assertThat(staffMessages(failed)).hasSize(2);
        assertThat(notification(failed.toString())).isNull();
        assertThat(notification(made.toString())).isNull();

        // The customer becomes known and every event is delivered again: nothing more is sent.
        contact(customer, email, "Olga", "en");
        events.send(Topics.PAYMENT_EVENTS, order.toString(), failed, failure);
        events.send(Topics.RETURNS_EVENTS, theReturn.id().toString(), mailed, returned);
        events.send(Topics.PAYMENT_EVENTS, order.toString(), made, refunded);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                mailFor(email).isEmpty() && staffAlertsNow(order).size() == 2);
        assertThat(notification(mailed.toString()).getString("status")).isEqualTo("FAILED");
        assertThat(staffMessages(failed)).hasSize(2);
    }

    /**
     * The refund failed late and was corrected; staff then paid it by bank transfer, and returns-service
     * announced the return refunded again (with {@code returns.refund_settled}, which mails nothing of its
     * own). The customer is told of the refund once more, and nothing pairs that mail with the failed refund.
     */
    @Test
    void aReturnsRefundPaidAnotherWayAfterItFailedIsMailedAgainAndNotCorrected() {
        Customer sara = customer("sara", "Sara", "en");
        AReturn theReturn = AReturn.next();
        UUID order = theReturn.order();
        String refund = "re_" + UUID.randomUUID();
        UUID mailed = returnRefunded(theReturn.id(), theReturn.rma(), order, sara.id(), 1800);
        awaitNotification(mailed.toString(), "SENT");
        events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-r6", refund,
                Money.of(1800, "EUR"), theReturn.key()));
        events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, "pay-r6", refund,
                Money.of(1800, "EUR"), REASON, theReturn.key()));
        correction(sara.email(), theReturn.rma(), "18.00 EUR");
        staffAlerts(order, 2);

        UUID settled = events.send(Topics.RETURNS_EVENTS, theReturn.id().toString(), new ReturnRefundSettled(
                theReturn.id(), theReturn.rma(), order, sara.id(), Money.of(1800, "EUR"), Instant.now()));
        UUID mailedAgain = returnRefunded(theReturn.id(), theReturn.rma(), order, sara.id(), 1800);

        assertThat(awaitNotification(mailedAgain.toString(), "SENT").getString("template"))
                .isEqualTo("return-refunded");
        assertThat(notification(settled.toString())).isNull();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                mailFor(sara.email()).size() == 3 && staffAlertsNow(order).size() == 2);
        assertThat(mailFor(sara.email())).extracting(ReceivedMail::subject)
                .filteredOn(subject -> subject.equals("Return " + theReturn.rma() + ": 18.00 EUR refunded")).hasSize(2);
    }

    @Test
    void aReturnsRefundThatFailsAtOnceSendsNothing() {
        UUID order = UUID.randomUUID();
        UUID returnId = UUID.randomUUID();
        // The provider failed it at once: no payment.refunded named it, and returns-service mails nothing.
        UUID atOnce = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, "pay-r5",
                "re_" + UUID.randomUUID(), Money.of(500, "EUR"), "card_declined", "return:" + returnId));
        // A refund announced after it, on the same partition, shows it was handled.
        String marker = "re_" + UUID.randomUUID();
        events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-r5", marker,
                Money.of(500, "EUR"), "return:" + returnId + ":1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(marker, Document.class, "return_refunds"),
                d -> d != null);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> staffAlertsNow(order).isEmpty());
        assertThat(notification(atOnce.toString())).isNull();
        assertThat(staffMessages(atOnce)).isEmpty();
    }

    /** A customer with contact details, whose mail the test reads at {@code email}. */
    private record Customer(String id, String email) {
    }

    private Customer customer(String name, String displayName, String language) {
        Customer customer = new Customer(UUID.randomUUID().toString(), address(name));
        contact(customer.id(), customer.email(), displayName, language);
        return customer;
    }

    /** A return of an order, with the RMA it is mailed under and the key returns-service refunds it with. */
    private record AReturn(UUID order, UUID id, String rma, String key) {

        static AReturn next() {
            UUID id = UUID.randomUUID();
            return new AReturn(UUID.randomUUID(), id, "RMA-" + id.toString().substring(0, 6), "return:" + id);
        }
    }

    private UUID returnRefunded(UUID returnId, String rma, UUID order, String customer, long cents) {
        return events.send(Topics.RETURNS_EVENTS, returnId.toString(), new ReturnRefunded(returnId, rma, order,
                customer, Money.of(cents, "EUR"), List.of(), Instant.now()));
    }

    private static ReceivedMail correction(String email, String rma, String amount) {
        String subject = "Return " + rma + ": your refund of " + amount + " did not go through";
        return await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(email).stream()
                .filter(m -> m.subject().equals(subject)).findFirst().orElse(null), m -> m != null);
    }
}
