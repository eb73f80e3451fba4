package io.tienda.notification.history;

import io.tienda.notification.NotificationServiceIT;
import io.tienda.notification.history.domain.Notification;
import io.tienda.notification.history.domain.Notifications;
import io.tienda.platform.testing.AllAtOnce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Replicas racing for the same queue: each message is claimed by exactly one of them. */
class ClaimIT extends NotificationServiceIT {

    /** Far ahead, so that the service's own sender (on the real clock) leaves these messages alone. */
    private static final Instant DUE = Instant.parse("2090-01-01T00:00:00Z");

    @Autowired
    Notifications notifications;

    @Autowired
    io.tienda.notification.mailing.EventMails eventMails;

    @AfterEach
    void release() {
        mongo.remove(Query.query(where("_id").regex("^claim-")), "notifications");
        mongo.updateMulti(Query.query(where("claimedUntil").gt(Instant.now().plus(Duration.ofDays(1)))),
                new Update().unset("claimedUntil"), "notifications");
    }

    @Test
    void concurrentClaimsNeverTakeTheSameMessage() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "claim-" + i;
            ids.add(id);
            Notification message = Notification.pending(id, "u-claim", List.of(), null, null,
                    Notification.Channel.EMAIL, "order-delivered", Map.of(), DUE.minusSeconds(60));
            notifications.addOnce(new Notification(message.id(), message.recipientId(), message.addresses(), null,
                    null, message.channel(), message.template(), null, message.variables(), message.status(), 0, DUE,
                    null, message.createdAt(), null));
        }
        assertThat(notifications.addOnce(Notification.pending("claim-0", "u-claim", List.of(), null, null,
                Notification.Channel.EMAIL, "order-delivered", Map.of(), DUE))).isFalse();

        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        AllAtOnce.run(8, replica -> {
            Optional<Notifications.Claim> next;
            while ((next = notifications.claimNext(DUE, Duration.ofMinutes(5))).isPresent()) {
                claimed.add(next.get().notification().id());
            }
            return null;
        });

        List<String> ours = claimed.stream().filter(id -> id.startsWith("claim-")).toList();
        assertThat(ours).hasSize(40).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        // Held by their claims: nobody gets them again until the lease runs out.
        assertThat(notifications.claimNext(DUE, Duration.ofMinutes(5))).isEmpty();
        assertThat(notifications.claimNext(DUE.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5)))
                .get().extracting(c -> c.notification().id()).asString().startsWith("claim-");
    }

    @Test
    void anOutcomeIsWrittenOnlyUnderTheClaimThatStillHoldsTheMessage() {
        add(due("claim-held", "u-held", null, Map.of("link", "https://shop.example.com/x")));
        Notifications.Claim first = claim("claim-held", DUE);

        // the lease ran out and another replica took the message: the first claim writes nothing
        Notifications.Claim second = claim("claim-held", DUE.plus(Duration.ofMinutes(6)));
        assertThat(notifications.save(first.notification().sent("Late", DUE), first.until())).isFalse();
        assertThat(notification("claim-held").getString("status")).isEqualTo("PENDING");

        assertThat(notifications.save(second.notification().sent("On time", DUE), second.until())).isTrue();
        org.bson.Document sent = notification("claim-held");
        assertThat(sent.getString("status")).isEqualTo("SENT");
        assertThat(sent.getString("subject")).isEqualTo("On time");
        assertThat(sent.get("claimedUntil")).isNull();
        // and a message already final is never written again
        assertThat(notifications.save(second.notification().sent("Again", DUE), second.until())).isFalse();
        assertThat(notification("claim-held").getString("subject")).isEqualTo("On time");
    }

    /**
     * Erasure while a sender holds messages of the user: the sender's outcome, which carries the real
     * recipient and variables, is not written over the anonymised message.
     */
    @Test
    void aSendInFlightCannotUndoAnErasure() {
        String user = java.util.UUID.randomUUID().toString();
        String order = java.util.UUID.randomUUID().toString();
        add(due("claim-erase-mail", user, null, Map.of("link", "https://shop.example.com/secret-token")));
        // the order's own message, already sent, and its refund, which names no recipient until sent
        notifications.addOnce(new Notification("claim-erase-confirmed", user, List.of(), "es", order,
                Notification.Channel.EMAIL, "order-confirmed", "Pedido confirmado", Map.of(),
                Notification.Status.SENT, 1, null, null, DUE.minusSeconds(600), DUE.minusSeconds(590)));
        add(due("claim-erase-refund", null, order, Map.of("amount", "42.00 EUR")));
        Notifications.Claim mail = claim("claim-erase-mail", DUE);
        Notifications.Claim refund = claim("claim-erase-refund", DUE);

        eventMails.erased(new io.tienda.platform.events.user.UserErased(java.util.UUID.fromString(user),
                Instant.now()));

        assertThat(notifications.save(mail.notification().sent("Tu pedido", DUE), mail.until())).isFalse();
        assertThat(notifications.save(refund.notification().forRecipient(user).sent("Reembolso", DUE),
                refund.until())).isFalse();
        org.bson.Document anonymised = notification("claim-erase-mail");
        assertThat(anonymised.getString("recipientId")).startsWith("erased-");
        assertThat(anonymised.getString("status")).isEqualTo("FAILED");
        assertThat(anonymised.get("variables")).isNull();
        assertThat(anonymised.get("subject")).isNull();
        org.bson.Document givenUp = notification("claim-erase-refund");
        assertThat(givenUp.get("recipientId")).isNull();
        assertThat(givenUp.getString("status")).isEqualTo("FAILED");
        assertThat(givenUp.get("variables")).isNull();
        assertThat(mongo.count(Query.query(where("recipientId").is(user)), "notifications")).isZero();
        assertThat(notification("claim-erase-confirmed").getString("recipientId")).startsWith("erased-");
    }

    private Notification due(String id, String recipient, String order, Map<String, String> variables) {
        return new Notification(id, recipient, List.of(), null, order, Notification.Channel.EMAIL,
                "order-delivered", null, variables, Notification.Status.PENDING, 0, DUE, null, DUE.minusSeconds(60),
                null);
    }

    private void add(Notification notification) {
        assertThat(notifications.addOnce(notification)).isTrue();
    }

    /** Claims at {@code now} until {@code id} is among the claimed (other tests' messages may come first). */
    private Notifications.Claim claim(String id, Instant now) {
        Optional<Notifications.Claim> next;
        while ((next = notifications.claimNext(now, Duration.ofMinutes(5))).isPresent()) {
            if (next.get().notification().id().equals(id)) {
                return next.get();
            }
        }
        throw new AssertionError(id + " was not claimed");
    }
}
