package io.tienda.notification.history;

import io.tienda.notification.NotificationServiceIT;
import io.tienda.platform.testing.security.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.Date;
import java.util.List;

class NotificationHistoryIT extends NotificationServiceIT {

    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");
    /** Far enough ahead that the running sender leaves the message alone. */
    private static final Instant LATER = Instant.parse("2099-01-01T00:00:00Z");

    @BeforeEach
    void history() {
        mongo.remove(new Query(), "notifications");
        mongo.insert(notification("n1", "ana", "welcome", "Welcome to Tienda", "SENT", T0), "notifications");
        mongo.insert(notification("n2", "ana", "order-confirmed", "Your order 1001", "SENT", T0.plusSeconds(60)),
                "notifications");
        mongo.insert(notification("n3", "ana", "order-shipped", "Order 1001 is on its way", "PENDING",
                T0.plusSeconds(120)), "notifications");
        mongo.insert(notification("n4", "bob", "welcome", "Welcome to Tienda", "FAILED", T0.plusSeconds(30)),
                "notifications");
    }

    @Test
    void aCustomerReadsTheirOwnHistoryNewestFirst() {
        http.get().uri("/api/v1/notifications?size=2").header(HttpHeaders.AUTHORIZATION, bearer("ana", "CUSTOMER"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.items[*].id").isEqualTo(List.of("n3", "n2"))
                .jsonPath("$.items[0].recipientId").isEqualTo("ana")
                .jsonPath("$.items[0].channel").isEqualTo("EMAIL")
                .jsonPath("$.items[0].template").isEqualTo("order-shipped")
                .jsonPath("$.items[0].subject").isEqualTo("Order 1001 is on its way")
                .jsonPath("$.items[0].status").isEqualTo("PENDING")
                .jsonPath("$.items[0].createdAt").isEqualTo("2025-05-01T08:02:00Z");
    }

    @Test
    void eachItemTellsHowItsSendingWent() {
        mongo.insert(new Document("_id", "n5").append("recipientId", "cleo").append("channel", "EMAIL")
                .append("template", "order-shipped").append("status", "PENDING").append("attempts", 3)
                .append("nextAttemptAt", Date.from(LATER)).append("failureReason", "smtp: down")
                .append("createdAt", Date.from(T0)), "notifications");
        mongo.insert(new Document("_id", "n6").append("recipientId", "cleo").append("channel", "EMAIL")
                .append("template", "order-delivered").append("status", "FAILED").append("attempts", 10)
                .append("failureReason", "no contact details for the recipient")
                .append("createdAt", Date.from(T0.plusSeconds(1))), "notifications");

        http.get().uri("/api/v1/notifications").header(HttpHeaders.AUTHORIZATION, bearer("cleo", "CUSTOMER"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].id").isEqualTo("n6")
                .jsonPath("$.items[0].status").isEqualTo("FAILED")
                .jsonPath("$.items[0].attempts").isEqualTo(10)
                .jsonPath("$.items[0].failureReason").isEqualTo("no contact details for the recipient")
                .jsonPath("$.items[0].nextAttemptAt").isEmpty()
                .jsonPath("$.items[1].id").isEqualTo("n5")
                .jsonPath("$.items[1].template").isEqualTo("order-shipped")
                .jsonPath("$.items[1].attempts").isEqualTo(3)
                .jsonPath("$.items[1].nextAttemptAt").isEqualTo(LATER.toString())
                .jsonPath("$.items[1].failureReason").isEqualTo("smtp: down")
                .jsonPath("$.items[1].sentAt").isEmpty();
    }

    @Test
    void aCustomerSeesNothingOfOthers() {
        http.get().uri("/api/v1/notifications").header(HttpHeaders.AUTHORIZATION, bearer("bob", "CUSTOMER"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].id").isEqualTo(List.of("n4"))
                .jsonPath("$.total").isEqualTo(1);
        http.get().uri("/api/v1/notifications?recipientId=ana").header(HttpHeaders.AUTHORIZATION, bearer("bob", "CUSTOMER"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://tienda.io/problems/not-found");
    }

    @Test
    void aCustomerMayNameThemselves() {
        http.get().uri("/api/v1/notifications?recipientId=bob").header(HttpHeaders.AUTHORIZATION, bearer("bob", "CUSTOMER"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void supportAndAdminsReadACustomersHistory() {
        for (String role : new String[] {"SUPPORT", "ADMIN"}) {
            http.get().uri("/api/v1/notifications?recipientId=ana&page=1&size=2")
                    .header(HttpHeaders.AUTHORIZATION, bearer("staff-1", role))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.total").isEqualTo(3)
                    .jsonPath("$.page").isEqualTo(1)
                    .jsonPath("$.items[*].id").isEqualTo(List.of("n1"));
        }
    }

    @Test
    void aManagerIsNotSupport() {
        http.get().uri("/api/v1/notifications?recipientId=ana").header(HttpHeaders.AUTHORIZATION, bearer("m-1", "MANAGER"))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anonymousCallersGetA401Problem() {
        http.get().uri("/api/v1/notifications").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://tienda.io/problems/unauthorized");
    }

    @Test
    void rejectsBadParameters() {
        for (String query : new String[] {"?size=0", "?size=101", "?page=-1", "?recipientId="}) {
            http.get().uri("/api/v1/notifications" + query).header(HttpHeaders.AUTHORIZATION, bearer("ana", "SUPPORT"))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://tienda.io/problems/validation");
        }
        http.get().uri("/api/v1/notifications?size=many").header(HttpHeaders.AUTHORIZATION, bearer("ana", "CUSTOMER"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://tienda.io/problems/invalid-parameter");
    }

    private static String bearer(String user, String role) {
        return "Bearer " + TestTokens.token(user, role);
    }

    private static Document notification(String id, String recipient, String template, String subject, String status,
            Instant createdAt) {
        return new Document("_id", id).append("recipientId", recipient).append("channel", "EMAIL")
                .append("template", template).append("subject", subject).append("status", status)
                .append("createdAt", Date.from(createdAt))
                .append("sentAt", "SENT".equals(status) ? Date.from(createdAt.plusSeconds(2)) : null);
    }
}
