package io.tienda.cart;

import io.tienda.cart.support.CartIT;
import org.junit.jupiter.api.Test;

import static io.tienda.platform.testing.ServiceChecks.expectDocumented;
import static io.tienda.platform.testing.ServiceChecks.expectReady;
import static io.tienda.platform.testing.ServiceChecks.expectTopicsWithDeadLetters;

class ReadinessIT extends CartIT {

    @Test
    void readinessReportsRedisUp() {
        expectReady(http, "redis");
    }

    @Test
    void createsItsTopicAndDeadLetterTopicAtStart() {
        expectTopicsWithDeadLetters(environment.getRequiredProperty("spring.kafka.bootstrap-servers"), "cart.events");
    }

    @Test
    void servesItsApiDescription() {
        expectDocumented(http, "/api/v1/cart");
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/cart'].get.summary").isEqualTo("Get my cart")
                .jsonPath("$.paths['/api/v1/cart/items'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/cart/items/{sku}'].patch.summary").exists()
                .jsonPath("$.paths['/api/v1/cart/coupon'].put.summary").exists()
                .jsonPath("$.paths['/api/v1/cart/shipping-address'].put.summary").exists()
                .jsonPath("$.paths['/api/v1/cart/merge'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/cart/checkout'].post.summary").exists();
    }
}
