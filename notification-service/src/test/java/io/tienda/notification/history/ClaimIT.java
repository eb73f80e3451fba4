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
            Optional<Notification> next;
            while ((next = notifications.claimNext(DUE, Duration.ofMinutes(5))).isPresent()) {
                claimed.add(next.get().id());
            }
            return null;
        });

        List<String> ours = claimed.stream().filter(id -> id.startsWith("claim-")).toList();
        assertThat(ours).hasSize(40).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        // Held by their claims: nobody gets them again until the lease runs out.
        assertThat(notifications.claimNext(DUE, Duration.ofMinutes(5))).isEmpty();
        assertThat(notifications.claimNext(DUE.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5)))
                .get().extracting(Notification::id).asString().startsWith("claim-");
    }
}
