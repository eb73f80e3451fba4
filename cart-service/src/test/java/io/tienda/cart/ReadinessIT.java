package io.tienda.cart;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;

import static io.tienda.platform.testing.ServiceChecks.expectReady;
import static org.assertj.core.api.Assertions.assertThat;

class ReadinessIT extends CartServiceIT {

    @Test
    void readinessReportsRedisUp() {
        expectReady(http, "redis");
    }

    @Test
    void createsItsTopicAndDeadLetterTopicAtStart(@Autowired KafkaAdmin kafka) {
        assertThat(kafka.describeTopics("cart.events", "cart.events.DLT")).containsOnlyKeys("cart.events", "cart.events.DLT");
    }

    @Test
    void servesItsApiDescription() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/cart'].get.summary").isEqualTo("Get my cart");
    }
}
