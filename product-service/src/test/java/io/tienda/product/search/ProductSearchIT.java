package io.tienda.product.search;

import io.tienda.product.ProductServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;

class ProductSearchIT extends ProductServiceIT {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @BeforeEach
    void catalog() {
        clear("products");
        mongo.insert(product("usb-c-cable", "USB-C cable (2m)", 999, true, T0), "products");
        mongo.insert(product("usb-hub", "Usb hub", 2999, true, T0.plusSeconds(60)), "products");
        mongo.insert(product("usb-lamp", "USB lamp", 1499, false, T0.plusSeconds(120)), "products");
        mongo.insert(product("desk", "Desk", 15999, true, T0.plusSeconds(180)), "products");
    }

    @Test
    void matchesActiveProductsByNameIgnoringCase() {
        http.get().uri("/api/v1/search/products?q=usb").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.items[*].slug").isEqualTo(java.util.List.of("usb-hub", "usb-c-cable"))
                .jsonPath("$.items[0].price.amount").isEqualTo(2999)
                .jsonPath("$.facets").isMap()
                .jsonPath("$.facets").isEmpty();
    }

    @Test
    void treatsWhatTheShopperTypedAsText() {
        http.get().uri(b -> b.path("/api/v1/search/products").queryParam("q", "{q}").build("CABLE (2M"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].slug").isEqualTo("usb-c-cable");
        http.get().uri(b -> b.path("/api/v1/search/products").queryParam("q", "{q}").build(".*"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void pagesThroughHits() {
        http.get().uri("/api/v1/search/products?q=USB&page=1&size=1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.page").isEqualTo(1)
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].slug").isEqualTo("usb-c-cable");
    }

    @Test
    void needsSomethingToSearchFor() {
        http.get().uri("/api/v1/search/products").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://tienda.io/problems/invalid-parameter");
        for (String q : new String[] {"", "   ", "x".repeat(201)}) {
            http.get().uri(b -> b.path("/api/v1/search/products").queryParam("q", "{q}").build(q)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://tienda.io/problems/validation")
                    .jsonPath("$.errors[0].field").isEqualTo("q");
        }
        http.get().uri("/api/v1/search/products?q=usb&size=500").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("size");
    }
}
