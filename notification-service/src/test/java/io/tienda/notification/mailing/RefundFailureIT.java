package io.tienda.notification.mailing;

import io.tienda.notification.NotificationServiceIT;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderLine;
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
 * A refund mailed as made that fails at the provider later: the customer is told it did not go through,
 * and the staff list is alerted; a failure that arrives before its refund ends as one that came before the
 * refund mail went out; a refund that fails at once was never announced and sends nothing. The
 * refund of a return is {@link ReturnRefundFailureIT}'s.
 */
class RefundFailureIT extends NotificationServiceIT {

    @Test
    void aRefundThatFailsAfterItWasMailedIsCorrectedToTheCustomerAndAlertedToStaff() {
        String customer = UUID.randomUUID().toString();
        String email = address("irene");
        contact(customer, email, "Irene", "en");
        UUID order = UUID.randomUUID();
        events.send(Topics.ORDER_EVENTS, order.toString(), new OrderConfirmed(order, "TND-2026-000042", customer,
                "cart-" + order, List.of(new OrderLine("SKU-1", "p1", "Lamp", 1, Money.of(4200, "EUR"))),
                Money.of(4200, "EUR"), Instant.now(), null));
        mailFor(email, 1);
        String refund = "re_" + UUID.randomUUID();
        UUID refunded = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-1",
                refund, Money.of(1995, "EUR")));
        awaitNotification(refunded.toString(), "SENT");
        // payment events name only the order's id: the mail names it by the number its confirmation carried
        assertThat(mailFor(email, 2)).filteredOn(m -> m.subject().equals("Refund of 19.95 EUR")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("order TND-2026-000042").doesNotContain("order " + order));

        UUID failed = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, "pay-1",
                refund, Money.of(1995, "EUR"), "expired_or_canceled_card", null));

        ReceivedMail correction = mailFor(email, 3).stream()
                .filter(m -> m.subject().equals("Your refund of 19.95 EUR did not go through")).findFirst()
                .orElseThrow();
        assertThat(correction.text()).startsWith("Hello Irene,").contains("order TND-2026-000042")
                .contains("will contact you").contains(BASE + "/orders/" + order)
                .doesNotContain("expired_or_canceled_card").doesNotContain(refund);
        assertThat(correction.html()).contains("19.95 EUR").doesNotContain("expired_or_canceled_card");
        assertThat(awaitNotification(failed.toString(), "SENT").getString("recipientId")).isEqualTo(customer);

        List<ReceivedMail> alerts = staffAlerts(order, 2);
        assertThat(alerts).extracting(m -> m.to().size()).containsOnly(1);
        assertThat(alerts).as("no return in a cancellation's refund").allSatisfy(alert -> assertThat(alert.text())
                .doesNotContain("refund of return"));
        assertThat(alerts.stream().flatMap(m -> m.to().stream()))
                .containsExactlyInAnyOrder("stock@tienda.example.com", "buyer@tienda.example.com");
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.text()).contains(refund).contains("19.95 EUR")
                .contains("expired_or_canceled_card").contains("they have been sent a message")
                .doesNotContain("had not been told"));
        assertThat(staffMessages(failed)).hasSize(2);

        // Once per event: the same failure delivered again sends nothing more.
        events.send(Topics.PAYMENT_EVENTS, order.toString(), failed, new PaymentRefundFailed(order, "pay-1",
                refund, Money.of(1995, "EUR"), "expired_or_canceled_card", null));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                mailFor(email).size() == 3 && staffAlertsNow(order).size() == 2);
    }

    @Test
    void aRefundMailNotSentYetIsWithdrawnWhenItsRefundFailsAndTheCustomerHearsOfNeither() {
        String customer = UUID.randomUUID().toString();
        String email = address("jorge");
        contact(customer, email, "Jorge", "en");
        UUID order = UUID.randomUUID();
        String refund = "re_" + UUID.randomUUID();
        // No order event yet: the refund mail waits for its customer.
        UUID refunded = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-2",
                refund, Money.of(4200, "EUR")));
        await().atMost(Duration.ofSeconds(20)).until(() -> notification(refunded.toString()),
                n -> n != null && "waiting for the recipient's contact details".equals(n.getString("failureReason")));

        UUID failed = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, "pay-2",
                refund, Money.of(4200, "EUR"), "expired_or_canceled_card", null));

        Document withdrawn = awaitNotification(refunded.toString(), "FAILED");
        assertThat(withdrawn.getString("failureReason")).isEqualTo(EventMails.REFUND_FAILED_BEFORE_SENT);
        assertThat(withdrawn.get("variables")).isNull();
        assertThat(staffAlerts(order, 2)).allSatisfy(alert -> assertThat(alert.text())
                .contains("had not been told").doesNotContain("they have been sent a message"));
        assertThat(notification(failed.toString())).isNull();

        // The order's customer becomes known: they get the order's mail, and neither refund mail.
        confirmed(customer, order);
        assertThat(mailFor(email, 1).get(0).subject()).startsWith("Order ");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailFor(email).size() == 1);
    }

    @Test
    void aRefundWhoseFailureArrivesFirstIsNeverMailedAsMadeAndEndsAsAFailureBeforeItsMailWentOut() {
        String customer = UUID.randomUUID().toString();
        String email = address("lucia");
        contact(customer, email, "Lucia", "en");
        UUID order = confirmed(customer);
        mailFor(email, 1);
        String refund = "re_" + UUID.randomUUID();
        PaymentRefundFailed failure = new PaymentRefundFailed(order, "pay-4", refund, Money.of(1995, "EUR"),
                "expired_or_canceled_card", null);
        PaymentRefunded refunded = new PaymentRefunded(order, "pay-4", refund, Money.of(1995, "EUR"));
        // payment-service published the refund first, but its send was resubmitted after the failure's.
        UUID failed = events.send(Topics.PAYMENT_EVENTS, order.toString(), failure);
        UUID made = events.send(Topics.PAYMENT_EVENTS, order.toString(), refunded);

        // As when the failure comes before the refund mail went out: the mail is given up unsent, the customer
        // hears of neither, and each staff address is alerted that the customer was not told.
        Document withdrawn = awaitNotification(made.toString(), "FAILED");
        assertThat(withdrawn.getString("failureReason")).isEqualTo(EventMails.REFUND_FAILED_BEFORE_SENT);
        assertThat(withdrawn.get("variables")).isNull();
        List<ReceivedMail> alerts = staffAlerts(order, 2);
        assertThat(alerts.stream().flatMap(m -> m.to().stream()))
                .containsExactlyInAnyOrder("stock@tienda.example.com", "buyer@tienda.example.com");
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.text()).contains(refund).contains("19.95 EUR")
                .contains("pay-4").contains("expired_or_canceled_card").contains("had not been told")
                .doesNotContain("they have been sent a message"));
        assertThat(staffMessages(failed)).hasSize(2);
        assertThat(notification(failed.toString())).isNull();

        // Both delivered again, in either order, queue nothing more; a refund mailed after them on the same
        // partition shows they were handled.
        events.send(Topics.PAYMENT_EVENTS, order.toString(), made, refunded);
        events.send(Topics.PAYMENT_EVENTS, order.toString(), failed, failure);
        events.send(Topics.PAYMENT_EVENTS, order.toString(), made, refunded);
        UUID later = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-4",
                "re_" + UUID.randomUUID(), Money.of(100, "EUR")));
        awaitNotification(later.toString(), "SENT");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                mailFor(email).size() == 2 && staffAlertsNow(order).size() == 2);
        assertThat(mailFor(email)).extracting(ReceivedMail::subject).contains("Refund of 1.00 EUR")
                .doesNotContain("Refund of 19.95 EUR").noneMatch(s -> s.contains("did not go through"));
        assertThat(awaitNotification(made.toString(), "FAILED").getString("failureReason"))
                .isEqualTo(EventMails.REFUND_FAILED_BEFORE_SENT);
    }

    @Test
    void aRefundThatFailsAtOnceSendsNothing() {
        String customer = UUID.randomUUID().toString();
        String email = address("karla");
        contact(customer, email, "Karla", "en");
        UUID order = confirmed(customer);
        mailFor(email, 1);

        // Refused before any refund was recorded, and failed at the provider at once: never announced.
        UUID refused = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, null, null,
                Money.of(1995, "EUR"), "refund-exceeds-captured: nothing left", null));
        UUID atOnce = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefundFailed(order, "pay-3",
                "re_" + UUID.randomUUID(), Money.of(1995, "EUR"), "card_declined", null));
        // A refund mailed after them, on the same partition, shows they were all handled.
        UUID later = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-3",
                "re_" + UUID.randomUUID(), Money.of(100, "EUR")));
        awaitNotification(later.toString(), "SENT");

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailFor(email).size() == 2);
        assertThat(mailFor(email)).extracting(ReceivedMail::subject).contains("Refund of 1.00 EUR")
                .noneMatch(s -> s.contains("did not go through"));
        assertThat(staffAlertsNow(order)).isEmpty();
        for (UUID event : List.of(refused, atOnce)) {
            assertThat(notification(event.toString())).isNull();
            assertThat(staffMessages(event)).isEmpty();
        }
    }

    private UUID confirmed(String customer) {
        return confirmed(customer, UUID.randomUUID());
    }

    private UUID confirmed(String customer, UUID order) {
        events.send(Topics.ORDER_EVENTS, order.toString(), new OrderConfirmed(order, customer, "cart-" + order,
                List.of(new OrderLine("SKU-1", "p1", "Lamp", 1, Money.of(4200, "EUR"))), Money.of(4200, "EUR"),
                Instant.now()));
        return order;
    }
}
