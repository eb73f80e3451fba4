package io.tienda.notification.mailing;

import io.tienda.notification.NotificationServiceIT;
import io.tienda.notification.history.domain.Notification;
import io.tienda.notification.history.domain.Notifications;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderDelivered;
import io.tienda.platform.events.saga.PaymentRefunded;
import io.tienda.platform.events.user.UserContactChanged;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.testing.security.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code user.erased}: the address goes, history and tickets keep no trace of the person. */
class ErasureIT extends NotificationServiceIT {

    @Autowired
    Notifications notifications;

    @Test
    void erasureForgetsTheContactAndAnonymisesHistoryAndTickets() {
        UUID user = UUID.randomUUID();
        String id = user.toString();
        String email = address("kim");
        events.send(Topics.USER_EVENTS, id, new UserContactChanged(user, email, "Kim", "en"));
        UUID order = UUID.randomUUID();
        UUID delivered = events.send(Topics.ORDER_EVENTS, order.toString(), new OrderDelivered(order, "T-1", id,
                List.of(), Instant.now()));
        mailFor(email, 1);
        awaitNotification(delivered.toString(), "SENT");
        String ticket = api.post("/api/v1/tickets", TestTokens.customer(id),
                Map.of("subject", "My address is Calle Falsa 123", "message", "Please call me on 600 000 000"))
                .expect(201).text("id");

        events.send(Topics.USER_EVENTS, id, new UserErased(user, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(Query.query(Criteria.where("recipientId")
                .is(id)), "notifications") == 0);
        Document contact = mongo.findById(id, Document.class, "contacts");
        assertThat(contact.get("email")).isNull();
        assertThat(contact.get("erasedAt")).isNotNull();
        Document history = notification(delivered.toString());
        assertThat(history.getString("recipientId")).startsWith("erased-");
        assertThat(history.getString("status")).isEqualTo("SENT");
        assertThat(history.get("subject")).isNull();
        Document erased = await().atMost(Duration.ofSeconds(10)).until(
                () -> mongo.findById(ticket, Document.class, "tickets"), t -> !id.equals(t.getString("customerId")));
        assertThat(erased.toJson()).doesNotContain("Calle Falsa").doesNotContain("600 000 000").doesNotContain(id);
        assertThat(erased.getString("status")).isEqualTo("CLOSED");
        assertThat(erased.getString("lastMessagePreview")).isEqualTo("[erased]");
        api.get("/api/v1/notifications", TestTokens.customer(id)).expect(200);
        assertThat(api.get("/api/v1/notifications", TestTokens.customer(id)).json().get("total").asInt()).isZero();

        // A late announcement cannot bring the address back, and an order event that arrives after the erasure
        // (another topic, so in no order with it), delivered twice, stores nothing: no message holding the
        // user's id and the event's details. A refund of the order arriving late is given up unsent.
        events.send(Topics.USER_EVENTS, id, new UserContactChanged(user, email, "Kim", "en"));
        UUID afterwards = events.send(Topics.ORDER_EVENTS, order.toString(), new OrderDelivered(order, "T-1", id,
                List.of(), Instant.now()));
        events.send(Topics.ORDER_EVENTS, order.toString(), afterwards, new OrderDelivered(order, "T-1", id,
                List.of(), Instant.now()));
        UUID refund = events.send(Topics.PAYMENT_EVENTS, order.toString(), new PaymentRefunded(order, "pay-1",
                "re_" + UUID.randomUUID(), Money.of(1995, "EUR")));
        // Another customer's order mail after them, on the same partition, shows they were handled.
        String other = UUID.randomUUID().toString();
        contact(other, address("lee"), "Lee", "en");
        UUID otherOrder = UUID.randomUUID();
        UUID marker = events.send(Topics.ORDER_EVENTS, order.toString(), new OrderDelivered(otherOrder, "T-2", other,
                List.of(), Instant.now()));
        awaitNotification(marker.toString(), "SENT");
        assertThat(notification(afterwards.toString())).isNull();
        Document refundMail = awaitNotification(refund.toString(), "FAILED");
        assertThat(refundMail.getString("failureReason")).isEqualTo("the recipient erased their account");
        assertThat(refundMail.get("variables")).isNull();
        assertThat(refundMail.getString("recipientId")).startsWith("erased-");
        assertThat(mongo.count(Query.query(Criteria.where("recipientId").is(id)), "notifications")).isZero();
        assertThat(mongo.findById(id, Document.class, "contacts").get("email")).isNull();
        assertThat(mailFor(email)).hasSize(1);
    }

    /**
     * A message queued for a user just as they were erased (it found no tombstone, and was stored after
     * the erasure had anonymised their history): the sender, finding the tombstone, anonymises it as the
     * erasure does instead of waiting for a contact that will never come.
     */
    @Test
    void aMessageQueuedWhileItsRecipientWasErasedIsAnonymisedWhenSent() {
        UUID user = UUID.randomUUID();
        String id = user.toString();
        events.send(Topics.USER_EVENTS, id, new UserErased(user, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(id, Document.class, "contacts") != null);
        String order = UUID.randomUUID().toString();
        String message = "erasure-race-" + UUID.randomUUID();
        assertThat(notifications.addOnce(Notification.pending(message, id, List.of(), null, order,
                Notification.Channel.EMAIL, "order-shipped", Map.of("carrier", "Correos", "trackingNumber", "TRK-1"),
                Instant.now()))).isTrue();

        Document anonymised = awaitNotification(message, "FAILED");
        assertThat(anonymised.getString("recipientId")).startsWith("erased-");
        assertThat(anonymised.getString("failureReason")).isEqualTo("the recipient erased their account");
        assertThat(anonymised.get("variables")).isNull();
        assertThat(anonymised.get("claimedUntil")).isNull();
        assertThat(mongo.count(Query.query(Criteria.where("recipientId").is(id)), "notifications")).isZero();
    }
}
