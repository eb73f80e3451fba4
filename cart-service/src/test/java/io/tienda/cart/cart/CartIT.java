package io.tienda.cart.cart;

import io.tienda.cart.CartServiceIT;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.platform.testing.ServiceChecks.expectProblem;

class CartIT extends CartServiceIT {

    private final String me = "user-" + UUID.randomUUID();
    private final String someoneElse = "user-" + UUID.randomUUID();

    @Test
    void answersMyCartFromRedis() {
        redis.opsForHash().putAll("cart:{" + me + "}", Map.of("SKU-B", "2", "SKU-A", "1"));
        redis.opsForHash().put("cart:{" + me + "}:meta", "currency", "USD");

        http.get().uri("/api/v1/cart").header(HttpHeaders.AUTHORIZATION, bearer(me)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].sku").isEqualTo(List.of("SKU-A", "SKU-B"))
                .jsonPath("$.items[0].quantity").isEqualTo(1)
                .jsonPath("$.items[1].quantity").isEqualTo(2)
                .jsonPath("$.currency").isEqualTo("USD")
                .jsonPath("$.itemCount").isEqualTo(3);
    }

    @Test
    void answersAnEmptyCartWhenThereIsNone() {
        http.get().uri("/api/v1/cart").header(HttpHeaders.AUTHORIZATION, bearer(me)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items").isEmpty()
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.itemCount").isEqualTo(0);
    }

    @Test
    void showsEachShopperOnlyTheirOwnCart() {
        redis.opsForHash().put("cart:{" + someoneElse + "}", "SKU-THEIRS", "5");
        redis.opsForHash().put("cart:{" + me + "}", "SKU-MINE", "1");

        http.get().uri("/api/v1/cart").header(HttpHeaders.AUTHORIZATION, bearer(me)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].sku").isEqualTo(List.of("SKU-MINE"))
                .jsonPath("$.itemCount").isEqualTo(1);
        http.get().uri("/api/v1/cart").header(HttpHeaders.AUTHORIZATION, bearer(someoneElse)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].sku").isEqualTo(List.of("SKU-THEIRS"))
                .jsonPath("$.itemCount").isEqualTo(5);
    }

    @Test
    void skipsALineThatIsNotAQuantity() {
        redis.opsForHash().putAll("cart:{" + me + "}", Map.of("SKU-OK", "2", "SKU-BAD", "lots", "SKU-ZERO", "0"));

        http.get().uri("/api/v1/cart").header(HttpHeaders.AUTHORIZATION, bearer(me)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].sku").isEqualTo(List.of("SKU-OK"))
                .jsonPath("$.itemCount").isEqualTo(2);
    }

    @Test
    void anonymousCallersGetA401Problem() {
        expectProblem(http.get().uri("/api/v1/cart").exchange(), 401, "unauthorized");
    }

    @Test
    void aTokenSignedByAStrangerIsRejected() {
        String forged = TestTokens.builder(me, "CUSTOMER").foreignKey().sign();
        http.get().uri("/api/v1/cart").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnsupportedMethodIsAProblemNotAnError() {
        http.delete().uri("/api/v1/cart?everything=yes").header(HttpHeaders.AUTHORIZATION, bearer(me)).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://tienda.io/problems/method-not-allowed");
    }

    private static String bearer(String user) {
        return "Bearer " + TestTokens.customer(user);
    }
}
