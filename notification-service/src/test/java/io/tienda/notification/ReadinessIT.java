package io.tienda.notification;

import io.tienda.platform.testing.Infra;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static io.tienda.platform.testing.ServiceChecks.expectDocumented;
import static io.tienda.platform.testing.ServiceChecks.expectReady;
import static org.assertj.core.api.Assertions.assertThat;

class ReadinessIT extends NotificationServiceIT {

    @Test
    void readinessReportsMongoAndMailUp() {
        expectReady(http, "mongo", "mail");
    }

    @Test
    void readinessFailsWhileTheMailServerIsDown() {
        Infra.smtp().whileStopped(() -> http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.components.mail.status").isEqualTo("DOWN"));
    }

    @Test
    void theEndpointsAreDocumented() {
        expectDocumented(http, "/api/v1/notifications", "/api/v1/tickets", "/api/v1/tickets/{id}",
                "/api/v1/templates", "/api/v1/templates/{key}/{locale}");
    }

    @Test
    void createsTheCollectionsAndIndexesAtStart() {
        assertThat(mongo.getCollectionNames()).contains("notifications", "templates", "tickets");
        assertThat(mongo.indexOps("notifications").getIndexInfo()).extracting(IndexInfo::getName)
                .contains("recipient_newest", "status_oldest", "status_due", "order");
        assertThat(mongo.indexOps("templates").getIndexInfo()).extracting(IndexInfo::getName)
                .contains("key_channel_locale_unique");
        assertThat(mongo.indexOps("tickets").getIndexInfo()).extracting(IndexInfo::getName)
                .contains("customer_newest", "status_queue");
    }
}
