package io.tienda.product.catalog;

import io.tienda.product.ProductServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import org.bson.Document;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductListIT extends ProductServiceIT {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @BeforeEach
    void catalog() {
        clear("products");
        mongo.insert(product("old-lamp", "Old lamp", 1999, true, T0), "products");
        mongo.insert(product("mid-chair", "Mid chair", 4500, true, T0.plusSeconds(60)), "products");
        mongo.insert(product("new-desk", "New desk", 12900, true, T0.plusSeconds(120)), "products");
        mongo.insert(product("hidden-sofa", "Hidden sofa", 99900, false, T0.plusSeconds(180)), "products");
    }

    @Test
    void listsActiveProductsNewestFirstWithoutAToken() {
        http.get().uri("/api/v1/products?page=0&size=2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].slug").isEqualTo("new-desk")
                .jsonPath("$.items[0].name").isEqualTo("New desk")
                .jsonPath("$.items[0].price.amount").isEqualTo(12900)
                .jsonPath("$.items[0].price.currency").isEqualTo("EUR")
                .jsonPath("$.items[0].categoryId").isEqualTo("cat-1")
                .jsonPath("$.items[0].brand.name").isEqualTo("Acme")
                .jsonPath("$.items[0].images[0]").isEqualTo("https://img.example/new-desk.jpg")
                .jsonPath("$.items[0].inStock").isEqualTo(true)
                .jsonPath("$.items[0].id").isNotEmpty()
                .jsonPath("$.items[1].slug").isEqualTo("mid-chair");
    }

    @Test
    void secondPageHoldsTheRest() {
        http.get().uri("/api/v1/products?page=1&size=2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].slug").isEqualTo("old-lamp")
                .jsonPath("$.total").isEqualTo(3);
    }

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        http.get().uri("/api/v1/products").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(20)
                .jsonPath("$.items.length()").isEqualTo(3);
    }

    @Test
    void rejectsAnOutOfRangePageSize() {
        for (String query : new String[] {"size=0", "size=101", "page=-1"}) {
            http.get().uri("/api/v1/products?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://tienda.io/problems/validation")
                    .jsonPath("$.status").isEqualTo(400);
        }
    }

    @Test
    void rejectsANonNumericPage() {
        http.get().uri("/api/v1/products?page=first").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://tienda.io/problems/invalid-parameter");
    }

    @Test
    void changingTheCatalogNeedsAToken() {
        http.method(HttpMethod.DELETE).uri("/api/v1/products/anything").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://tienda.io/problems/unauthorized");
    }

    @Test
    void slugsAndSkusAreUnique() {
        assertThatThrownBy(() -> mongo.insert(product("new-desk", "Another desk", 100, true, T0), "products"))
                .isInstanceOf(DuplicateKeyException.class);
        var sameSku = product("other-desk", "Other desk", 100, true, T0);
        sameSku.put("variants", List.of(new Document("sku", "OTHER-DESK-1"), new Document("sku", "NEW-DESK-1")));
        assertThatThrownBy(() -> mongo.insert(sameSku, "products")).isInstanceOf(DuplicateKeyException.class);
    }
}
