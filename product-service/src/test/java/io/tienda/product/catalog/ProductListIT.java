package io.tienda.product.catalog;

import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.security.TestTokens;
import io.tienda.product.ProductServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public product list over products stored as the catalog stores them: paging, caching, visibility. */
class ProductListIT extends ProductServiceIT {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @BeforeEach
    void catalog() {
        clear("products");
        mongo.insert(product("old-lamp", "Old lamp", 1999, true, T0), "products");
        mongo.insert(product("mid-chair", "Mid chair", 4500, true, T0.plusSeconds(60)), "products");
        mongo.insert(product("new-desk", "New desk", 12900, true, T0.plusSeconds(120)), "products");
        mongo.insert(product("hidden-sofa", "Hidden sofa", 99900, false, T0.plusSeconds(180)), "products");
        mongo.insert(product("gone-table", "Gone table", 5000, true, T0.plusSeconds(240)).append("deleted", true),
                "products");
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
                .jsonPath("$.items[0].name.es").isEqualTo("New desk")
                .jsonPath("$.items[0].price.amount").isEqualTo(12900)
                .jsonPath("$.items[0].price.currency").isEqualTo("EUR")
                .jsonPath("$.items[0].categoryId").isEqualTo("cat-1")
                .jsonPath("$.items[0].brand.name").isEqualTo("Acme")
                .jsonPath("$.items[0].brand.slug").isEqualTo("acme")
                .jsonPath("$.items[0].image.url").isEqualTo("https://img.example/new-desk.jpg")
                .jsonPath("$.items[0].inStock").isEqualTo(true)
                .jsonPath("$.items[0].active").isEqualTo(true)
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
        for (String query : new String[] {"size=0", "size=101", "page=-1", "minPrice=-1"}) {
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
        for (String query : new String[] {"page=first", "minPrice=cheap", "inStock=maybe"}) {
            http.get().uri("/api/v1/products?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://tienda.io/problems/invalid-parameter");
        }
    }

    @Test
    void rejectsUnknownSortsAndRelevanceWithoutAQuery() {
        api.get("/api/v1/products?sort=cheapest").expectProblem(400, "invalid-parameter");
        ApiReply relevance = api.get("/api/v1/products?sort=relevance").expectProblem(400, "invalid-parameter");
        assertThat(relevance.json().get("detail").asString()).contains("/api/v1/search/products");
        api.get("/api/v1/products?minPrice=500&maxPrice=100").expectProblem(400, "validation");
        assertThat(api.get("/api/v1/products?minPrice=500&maxPrice=100").errorFields()).containsExactly("minPrice");
        assertThat(api.get("/api/v1/products?attr.=rojo").expectProblem(400, "validation").errorFields())
                .containsExactly("attr.");
        assertThat(api.get("/api/v1/products?attr.color=").expectProblem(400, "validation").errorFields())
                .containsExactly("attr.color");
    }

    /**
     * A NUL cannot be part of a MongoDB regular expression; control characters in a filter are refused,
     * naming the parameter, before the catalog is read.
     */
    @Test
    void refusesControlCharactersInFilterNamesAndValues() {
        expectControlCharacterRefused("/api/v1/products?attr.color=a%00", "attr.color");
        expectControlCharacterRefused("/api/v1/products?attr.color=rojo%0Aoscuro", "attr.color");
        expectControlCharacterRefused("/api/v1/products?attr.co%00lor=a", "attr.co\\u0000lor");
        expectControlCharacterRefused("/api/v1/products?category=moda%01", "category");
        expectControlCharacterRefused("/api/v1/products?brand=%7F", "brand");
        expectControlCharacterRefused("/api/v1/products?x%00=1", "x\\u0000");
        api.get("/api/v1/products?attr.color=rojo").expect(200);
    }

    @Test
    void answersNotModifiedWhileTheListIsUnchanged() {
        ApiReply first = api.get("/api/v1/products?size=2").expect(200);
        String etag = first.headers().getETag();
        assertThat(etag).startsWith("W/\"");
        assertThat(first.headers().getCacheControl()).contains("public").contains("max-age=60");

        ApiReply again = api.send(HttpMethod.GET, "/api/v1/products?size=2", null, null, Map.of("If-None-Match", etag));
        again.expect(304);
        assertThat(again.body()).isNull();
        assertThat(again.headers().getETag()).isEqualTo(etag);

        mongo.insert(product("newer-bed", "Newer bed", 30000, true, T0.plusSeconds(600)), "products");
        ApiReply changed = api.send(HttpMethod.GET, "/api/v1/products?size=2", null, null,
                Map.of("If-None-Match", etag));
        changed.expect(200);
        assertThat(changed.headers().getETag()).isNotEqualTo(etag);
        assertThat(changed.json().get("items").get(0).get("slug").asString()).isEqualTo("newer-bed");
    }

    @Test
    void staffMayListWhatIsNotOnSale() {
        ApiReply all = api.get("/api/v1/products?includeInactive=true", TestTokens.staff("SUPPORT")).expect(200);
        assertThat(all.json().get("total").asLong()).isEqualTo(4);
        assertThat(all.headers().getCacheControl()).contains("private").doesNotContain("public");
        assertThat(api.get("/api/v1/products?includeInactive=true", MANAGER).json().get("total").asLong()).isEqualTo(4);

        api.get("/api/v1/products?includeInactive=true").expectProblem(401, "unauthorized");
        api.get("/api/v1/products?includeInactive=true", TestTokens.customer(TestTokens.newCustomer()))
                .expectProblem(403, "forbidden");
        api.get("/api/v1/products?includeInactive=true", TestTokens.staff("ANALYST")).expectProblem(403, "forbidden");
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
