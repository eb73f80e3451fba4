package io.tienda.product.recommendation;

import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.testing.security.TestTokens;
import io.tienda.product.ProductServiceIT;
import io.tienda.product.offer.TestCatalog;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Recommendations from what customers really bought, learnt from {@code order.confirmed} on Kafka, then
 * from the product's category and brand, read through the API as a product page would.
 */
class RecommendationsIT extends ProductServiceIT {

    private TestCatalog catalog;
    private String brand;
    private String category;

    @BeforeEach
    void catalog() {
        catalog = new TestCatalog(mongo);
        category = catalog.category(null, "reco");
        brand = "reco-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String product(String categoryId) {
        String id = catalog.product(categoryId, 2_000).sku(TestCatalog.sku("R")).save();
        set(id, new Update().set("brand", new Document("id", "b-" + brand).append("slug", brand).append("name", brand)));
        return id;
    }

    private void set(String productId, Update update) {
        mongo.updateFirst(Query.query(where("_id").is(productId)), update, "products");
    }

    private void rated(String productId, double average) {
        set(productId, new Update().set("rating", new Document("average", average).append("count", 3)));
    }

    private void soldOut(String productId) {
        set(productId, new Update().set("inStock", false).set("variants.0.stock.available", 0));
    }

    private void bought(String customer, String... productIds) {
        UUID orderId = UUID.randomUUID();
        List<OrderLine> lines = Arrays.stream(productIds)
                .map(id -> new OrderLine("SKU-" + id, id, "Producto", 1, Money.of(2_000, "EUR"))).toList();
        sender.send(messages.create(Topics.ORDER_EVENTS, orderId.toString(), new OrderConfirmed(orderId, customer,
                "cart-1", lines, Money.of(2_000L * lines.size(), "EUR"), Instant.now())));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> recommendations(String idOrSlug, String query) {
        return (List<Map<String, Object>>) http.get().uri("/api/v1/products/" + idOrSlug + "/recommendations" + query)
                .exchange().expectStatus().isOk()
                .returnResult(Map.class).getResponseBody().get("items");
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(List<Map<String, Object>> items) {
        return items.stream().map(item -> ((Map<String, Object>) item.get("product")).get("id").toString()).toList();
    }

    private static List<String> reasons(List<Map<String, Object>> items) {
        return items.stream().map(item -> item.get("reason").toString()).toList();
    }

    @Test
    void whatOtherBuyersAlsoBoughtComesFirstThenTheCategoryThenTheBrand() {
        String product = product(category);
        String often = product(category);
        String twice = product(null);
        String once = product(null);
        String offSale = product(null);
        set(offSale, new Update().set("active", false));
        String soldOut = product(null);
        soldOut(soldOut);
        String best = product(category);
        rated(best, 4.8);
        String good = product(category);
        rated(good, 3.5);
        String soldOutPeer = product(category);
        rated(soldOutPeer, 5.0);
        soldOut(soldOutPeer);
        String sameBrand = product(null);
        rated(sameBrand, 4.0);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        bought(first, product, often, twice, once, offSale, soldOut);
        bought(second, product, often, offSale, soldOut);
        bought(third, product, often, twice);
        // bought by a customer who never bought the product: not "bought together"
        bought(UUID.randomUUID().toString(), once, twice, often);

        await().atMost(DELIVERY).until(() -> ids(recommendations(product, "?limit=2")).equals(List.of(often, twice)));
        // the listener that learnt them is timed where operators look, beside the search index's batch listener
        String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(metrics).containsPattern(
                "spring_kafka_listener_seconds_count\\{[^}]*messaging_source_name=\"order\\.events\"[^}]*} [1-9]");

        List<Map<String, Object>> items = recommendations(product, "?limit=5");
        assertThat(ids(items)).containsExactly(often, twice, best, good, sameBrand);
        assertThat(reasons(items)).containsExactly("bought-together", "bought-together", "same-category",
                "same-category", "same-brand");
        assertThat(items.get(0)).extractingByKey("product").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("slug", "p-" + often).containsKeys("name", "price", "brand", "rating", "inStock");
        // by slug too; with the default limit of 8 every candidate fits: the product bought by one customer
        // alone comes only as one of its brand, and what cannot be bought now not at all
        List<Map<String, Object>> all = recommendations("p-" + product, "");
        assertThat(ids(all)).containsExactly(often, twice, best, good, sameBrand, once);
        assertThat(reasons(all).get(5)).isEqualTo("same-brand");
    }

    @Test
    void aSmallCategoryIsFilledFromTheCategoriesBesideItBeforeTheBrand() {
        String audio = catalog.category(category, "audio");
        String headphones = catalog.category(audio, "auriculares");
        String speakers = catalog.category(audio, "altavoces");
        String portable = catalog.category(speakers, "portatiles");
        String elsewhere = catalog.category(category, "cables");
        String product = product(headphones);
        String peer = product(headphones);
        rated(peer, 3.0);
        String speaker = product(speakers);
        rated(speaker, 4.5);
        String portableSpeaker = product(portable);
        rated(portableSpeaker, 4.9);
        String inAudioItself = product(audio);
        rated(inAudioItself, 5.0);
        String cable = product(elsewhere);
        rated(cable, 4.7);

        List<Map<String, Object>> items = recommendations(product, "?limit=5");

        // the parent's subtree before the brand: every product here shares the brand, so the cable, in
        // another branch, comes only as one of it
        assertThat(ids(items)).containsExactly(peer, inAudioItself, portableSpeaker, speaker, cable);
        assertThat(reasons(items)).containsExactly("same-category", "related-category", "related-category",
                "related-category", "same-brand");
        // a top-level category has nothing beside it (the whole shop would be): its product's brand comes next
        String topLevel = product(category);
        assertThat(reasons(recommendations(topLevel, "?limit=2"))).containsExactly("same-brand", "same-brand");
    }

    @Test
    void anErasedCustomersPurchasesNoLongerRecommendAnything() {
        String product = product(null);
        String together = product(null);
        UUID erased = UUID.randomUUID();
        bought(erased.toString(), product, together);
        bought(UUID.randomUUID().toString(), product, together);
        await().atMost(DELIVERY).until(() -> reasons(recommendations(product, "?limit=1")).equals(
                List.of("bought-together")));

        sender.send(messages.create(Topics.USER_EVENTS, erased.toString(), new UserErased(erased, Instant.now())));

        // one buyer in common is left, below the two a recommendation needs; the brand still offers it
        await().atMost(DELIVERY).until(() -> reasons(recommendations(product, "?limit=1")).equals(
                List.of("same-brand")));
    }

    @Test
    void aProductNotOnSaleHasRecommendationsForStaffOnly() {
        String product = product(category);
        String peer = product(category);
        set(product, new Update().set("active", false));

        api.get("/api/v1/products/" + product + "/recommendations").expectProblem(404, "not-found");
        api.get("/api/v1/products/" + product + "/recommendations", TestTokens.customer(UUID.randomUUID().toString()))
                .expectProblem(404, "not-found");
        http.get().uri("/api/v1/products/" + product + "/recommendations")
                .headers(h -> h.setBearerAuth(TestTokens.staff("SUPPORT"))).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noCache().cachePrivate())
                .expectBody().jsonPath("$.items[0].product.id").isEqualTo(peer);
    }

    @Test
    void aPublicAnswerCanBeRevalidated() {
        String product = product(category);
        product(category);
        String etag = http.get().uri("/api/v1/products/" + product + "/recommendations").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, "(?=.*public)(?=.*max-age=\\d+).*")
                .returnResult(Map.class).getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();

        http.get().uri("/api/v1/products/" + product + "/recommendations")
                .header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void badRequestsAreRefusedClearly() {
        String product = product(category);
        for (String limit : List.of("0", "21", "-1")) {
            api.get("/api/v1/products/" + product + "/recommendations?limit=" + limit).expectProblem(400, "validation");
        }
        for (String limit : List.of("abc", "99999999999", "1.5")) {
            api.get("/api/v1/products/" + product + "/recommendations?limit=" + limit)
                    .expectProblem(400, "invalid-parameter");
        }
        api.get("/api/v1/products/no-such-product/recommendations").expectProblem(404, "not-found");
        api.get("/api/v1/products/" + "x".repeat(201) + "/recommendations").expect(400);
    }
}
