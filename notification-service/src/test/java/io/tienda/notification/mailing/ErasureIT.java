package io.tienda.notification.mailing;

import io.tienda.notification.NotificationServiceIT;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderDelivered;
import io.tienda.platform.events.user.UserContactChanged;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.testing.security.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
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

        // A late announcement cannot bring the address back.
        events.send(Topics.USER_EVENTS, id, new UserContactChanged(user, email, "Kim", "en"));
        UUID afterwards = events.send(Topics.ORDER_EVENTS, order.toString(), new OrderDelivered(order, "T-1", id,
                List.of(), Instant.now()));
        Document waiting = await().atMost(Duration.ofSeconds(20)).until(() -> notification(afterwards.toString()),
                n -> n != null && n.getString("failureReason") != null);
        assertThat(waiting.getString("status")).isEqualTo("PENDING");
        assertThat(mongo.findById(id, Document.class, "contacts").get("email")).isNull();
    }
}
