package io.tienda.product.search;

import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.inventory.StockChanged;
import io.tienda.platform.messaging.MessageFactory;
import io.tienda.platform.messaging.OutboundMessage;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.product.ProductServiceIT;
import io.tienda.product.search.persistence.SearchIndexer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.tienda.platform.testing.ServiceChecks.expectDocumented;
import static io.tienda.platform.testing.ServiceChecks.expectProblem;
import static io.tienda.platform.testing.ServiceChecks.expectReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search through the HTTP API on the service's own index: built from MongoDB, kept current by the
 * catalog's product events and by inventory's stock events read from Kafka. Every test names its
 * products with a word of its own, so the shared index never mixes tests up.
 */
class ProductSearchIT extends ProductServiceIT {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);

    @Autowired
    private SearchIndexer indexer;

    @Autowired
    private KafkaTemplate<String, String> kafkaTemplate;

    @Autowired
    private MessageFactory messages;

    @BeforeEach
    void indexBuilt() {
        await().atMost(Duration.ofSeconds(60)).until(indexer::built);
    }

    @Test
    void buildsTheIndexFromMongoDbAndIsReadyOnlyThen() {
        String word = word();
        mongo.insert(stored(product(word + "-on-sale", "Lámpara " + word, 1999, true, T0)), "products");
        mongo.insert(stored(product(word + "-retired", "Lámpara retirada " + word, 1999, false, T0)), "products");

        indexer.rebuild(); // what start-up runs, once the change consumer has its partitions

        JsonNode found = search("q=" + word);
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("slug").asString()).isEqualTo(word + "-on-sale");
        assertThat(found.get("items").get(0).get("name").get("es").asString()).isEqualTo("Lámpara " + word);
        assertThat(found.get("items").get(0).get("price").get("amount").asLong()).isEqualTo(1999);
        assertThat(found.get("items").get(0).get("inStock").asBoolean()).isTrue();
        expectReady(http, "mongo", "searchIndex");
    }

    @Test
    void followsProductsCreatedChangedAndDeletedInTheCatalog() {
        String word = word();
        String renamed = word();
        String shoes = category("s" + word, null, 1);
        String running = category("r" + word, shoes, 1);
        String brand = brand("b" + word, "Marca " + word());
        String sku = skuPrefix();

        String id = api.post("/api/v1/products", MANAGER, draft("Zapatillas " + word, running, brand, 4999, sku + "-1"))
                .expect(201).json().get("id").asString();
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertThat(total("q=" + word)).isEqualTo(1));

        JsonNode found = search("q=" + word + "&category=s" + word);
        assertThat(found.get("total").asLong()).as("a category includes its descendants").isEqualTo(1);
        JsonNode categories = found.get("facets").get("category");
        assertThat(categories.get(0).get("value").asString()).isEqualTo("s" + word);
        assertThat(categories.get(0).get("label").asString()).isEqualTo("s" + word);
        assertThat(categories.get(0).get("depth").asInt()).isZero();
        assertThat(categories.get(1).get("value").asString()).isEqualTo("r" + word);
        assertThat(categories.get(1).get("parent").asString()).isEqualTo("s" + word);
        assertThat(categories.get(1).get("select").get("category").asString()).isEqualTo("r" + word);
        JsonNode brands = found.get("facets").get("brand");
        assertThat(brands.get(0).get("value").asString()).isEqualTo("b" + word);
        assertThat(brands.get(0).get("count").asLong()).isEqualTo(1);
        assertThat(total("q=zapatilla " + word)).as("singular finds the plural").isEqualTo(1);

        api.put("/api/v1/products/" + id, MANAGER, draft("Sandalias " + renamed, running, brand, 2999, sku + "-1"))
                .expect(200);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            assertThat(total("q=" + renamed)).isEqualTo(1);
            assertThat(total("q=" + word)).isZero();
        });
        assertThat(total("q=" + renamed + "&maxPrice=2999")).isEqualTo(1);

        api.delete("/api/v1/products/" + id, MANAGER).expect(204);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertThat(total("q=" + renamed)).isZero());
    }

    /**
     * The index holds each product's category branch (slugs and names) as it was when the product was
     * written; moving or renaming a category re-announces the products below it, so search follows the
     * tree as the product list does.
     */
    @Test
    void followsCategoriesMovedAndRenamed() {
        String word = word();
        String a = category("a" + word, null, 1);
        String b = category("b" + word, null, 2);
        category("c" + word, a, 1);
        api.post("/api/v1/products", MANAGER, draft("Auriculares " + word, "c" + word, null, 4999, skuPrefix() + "-1"))
                .expect(201);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertThat(total("q=" + word + "&category=a" + word))
                .isEqualTo(1));

        api.put("/api/v1/categories/c" + word, MANAGER, Map.of("name", Map.of("es", "c" + word), "parentId", b))
                .expect(200);
        assertThat(api.get("/api/v1/products?category=b" + word).expect(200).json().get("total").asLong())
                .as("the list follows the parent links").isEqualTo(1);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            assertThat(total("q=" + word + "&category=b" + word)).isEqualTo(1);
            assertThat(total("q=" + word + "&category=a" + word)).isZero();
        });
        List<String> roots = new ArrayList<>();
        search("q=" + word).get("facets").get("category").forEach(bucket -> roots.add(bucket.get("value").asString()));
        assertThat(roots).containsExactly("b" + word);

        String renamed = word();
        api.put("/api/v1/categories/c" + word, MANAGER, Map.of("slug", "d" + word,
                "name", Map.of("es", "Cascos " + renamed, "en", "Headsets " + renamed), "parentId", b)).expect(200);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            assertThat(total("q=" + word + "&category=d" + word)).isEqualTo(1);
            assertThat(total("q=" + word + "&category=c" + word)).isZero();
        });
        assertThat(total("q=" + renamed)).as("the new name is searchable").isEqualTo(1);
        JsonNode renamedBranch = search("q=" + word + "&category=b" + word).get("facets").get("category");
        assertThat(renamedBranch.get(1).get("value").asString()).isEqualTo("d" + word);
        assertThat(renamedBranch.get(1).get("label").asString()).isEqualTo("Cascos " + renamed);
    }

    @Test
    void followsStockAndNeverLetsAnOlderVersionWin() {
        String word = word();
        String category = category("c" + word, null, 1);
        String lamp = skuPrefix() + "-1";
        String other = skuPrefix() + "-1";
        api.post("/api/v1/products", MANAGER, draft("Lámpara " + word, category, null, 3999, lamp)).expect(201);
        api.post("/api/v1/products", MANAGER, draft("Flexo " + word, category, null, 2999, other)).expect(201);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertThat(total("q=" + word)).isEqualTo(2));
        assertThat(total("q=" + word + "&inStock=true")).as("not for sale until inventory speaks").isZero();

        stockChanged(lamp, 3, 5);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertThat(total("q=lampara " + word + "&inStock=true"))
                .isEqualTo(1));
        JsonNode facets = search("q=" + word).get("facets");
        assertThat(facets.get("inStock").get(0).get("value").asString()).isEqualTo("true");
        assertThat(facets.get("inStock").get(0).get("count").asLong()).isEqualTo(1);
        assertThat(facets.get("inStock").get(1).get("count").asLong()).isEqualTo(1);

        stockChanged(lamp, 0, 4); // late: an older version
        stockChanged(other, 2, 1); // after it on the same partition: once this shows, the late one was handled
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertThat(total("q=flexo " + word + "&inStock=true"))
                .isEqualTo(1));
        assertThat(total("q=lampara " + word + "&inStock=true")).isEqualTo(1);

        stockChanged(lamp, 0, 6);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertThat(total("q=lampara " + word + "&inStock=false"))
                .isEqualTo(1));
    }

    @Test
    void suggestsNamesWhileTyping() {
        String word = word();
        String category = category("c" + word, null, 1);
        api.post("/api/v1/products", MANAGER, draft("Cafetera " + word, category, null, 3999, skuPrefix() + "-1"))
                .expect(201);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertThat(total("q=" + word)).isEqualTo(1));

        JsonNode suggestions = api.get("/api/v1/search/suggestions?q=cafetera " + word.substring(0, 6)).expect(200)
                .json();
        List<String> texts = new ArrayList<>();
        suggestions.get("items").forEach(item -> texts.add(item.get("text").asString()));
        assertThat(texts).contains("Cafetera " + word, "Cafetera " + word + " (en)");
        JsonNode first = suggestions.get("items").get(0);
        assertThat(first.get("type").asString()).isEqualTo("product");
        assertThat(first.get("language").asString()).isEqualTo("es");
        assertThat(api.get("/api/v1/search/suggestions?q=" + word + "&lang=en&limit=1").expect(200).json()
                .get("items").get(0).get("text").asString()).isEqualTo("Cafetera " + word + " (en)");
    }

    @Test
    void pagesAndSorts() {
        String word = word();
        String category = category("c" + word, null, 1);
        for (long cents : new long[] {2500, 1500, 3500}) {
            api.post("/api/v1/products", MANAGER, draft("Taza " + cents + " " + word, category, null, cents,
                    skuPrefix() + "-1")).expect(201);
        }
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertThat(total("q=" + word)).isEqualTo(3));

        JsonNode page = search("q=" + word + "&sort=price_asc&page=1&size=1");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("price").get("amount").asLong()).isEqualTo(2500);
        assertThat(search("q=" + word + "&sort=price_desc").get("items").get(0).get("price").get("amount").asLong())
                .isEqualTo(3500);
        JsonNode prices = search("q=" + word).get("facets").get("price");
        assertThat(prices.get(0).get("value").asString()).isEqualTo("*-2000");
        assertThat(prices.get(0).get("label").asString()).isEqualTo("< 20 €");
        assertThat(prices.get(0).get("select").get("maxPrice").asString()).isEqualTo("1999");
        assertThat(prices.get(1).get("count").asLong()).isEqualTo(2);
    }

    @Test
    void takesWhatTheShopperTypedAsText() {
        for (String typed : new String[] {"(", "*:*", "AND", "OR", "\"", "name:x", "[1 TO 5]", "\\", "cafe~2", "+-&&||!",
                "{*}", "/.*/", "?"}) {
            http.get().uri(b -> b.path("/api/v1/search/products").queryParam("q", "{q}").build(typed)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isNumber();
            http.get().uri(b -> b.path("/api/v1/search/suggestions").queryParam("q", "{q}").build(typed)).exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    void answersBadInputWithProblems() {
        expectProblem(http.get().uri("/api/v1/search/products").exchange(), 400, "invalid-parameter");
        for (String q : new String[] {"", "   ", "x".repeat(201)}) {
            assertThat(problemFields("/api/v1/search/products", q, "")).containsExactly("q");
            assertThat(problemFields("/api/v1/search/suggestions", q, "")).containsExactly("q");
        }
        assertThat(api.get("/api/v1/search/products?q=cafe&sort=cheapest").expectProblem(400, "validation")
                .errorFields()).containsExactly("sort");
        assertThat(api.get("/api/v1/search/products?q=cafe&minPrice=500&maxPrice=100").expectProblem(400, "validation")
                .errorFields()).containsExactly("minPrice");
        assertThat(api.get("/api/v1/search/products?q=cafe&minPrice=-1").expectProblem(400, "validation")
                .errorFields()).containsExactly("minPrice");
        api.get("/api/v1/search/products?q=cafe&minPrice=ten").expectProblem(400, "invalid-parameter");
        api.get("/api/v1/search/products?q=cafe&maxPrice=99999999999999999999").expectProblem(400, "invalid-parameter");
        api.get("/api/v1/search/products?q=cafe&inStock=maybe").expectProblem(400, "invalid-parameter");
        api.get("/api/v1/search/products?q=cafe&page=x").expectProblem(400, "invalid-parameter");
        assertThat(api.get("/api/v1/search/products?q=cafe&size=500").expectProblem(400, "validation").errorFields())
                .containsExactly("size");
        assertThat(api.get("/api/v1/search/products?q=cafe&minRating=6").expectProblem(400, "validation").errorFields())
                .containsExactly("minRating");
        assertThat(api.get("/api/v1/search/products?q=cafe&lang=fr").expectProblem(400, "validation").errorFields())
                .containsExactly("lang");
        assertThat(api.get("/api/v1/search/products?q=cafe&attr.=rojo").expectProblem(400, "validation").errorFields())
                .containsExactly("attr.");
        api.get("/api/v1/search/products?q=cafe&attr.color=rojo&attr.color=azul").expectProblem(400, "validation");
        assertThat(api.get("/api/v1/search/suggestions?q=cafe&limit=11").expectProblem(400, "validation").errorFields())
                .containsExactly("limit");
        api.get("/api/v1/search/products?q=cafe&attr.color=rojo&inStock=true&featured=false&minRating=1&sort=newest")
                .expect(200);
    }

    /** Control characters never reach the Lucene index: refused, naming the parameter, before any lookup. */
    @Test
    void refusesControlCharactersInQueryTextAndFilters() {
        expectControlCharacterRefused("/api/v1/search/products?q=caf%00e", "q");
        expectControlCharacterRefused("/api/v1/search/products?q=cafe%0D%0A", "q");
        expectControlCharacterRefused("/api/v1/search/products?q=cafe&attr.color=a%00", "attr.color");
        expectControlCharacterRefused("/api/v1/search/products?q=cafe&attr.co%00lor=a", "attr.co\\u0000lor");
        expectControlCharacterRefused("/api/v1/search/products?q=cafe&category=cafe%00", "category");
        expectControlCharacterRefused("/api/v1/search/products?q=cafe&brand=a%1B", "brand");
        expectControlCharacterRefused("/api/v1/search/suggestions?q=caf%00", "q");
        expectControlCharacterRefused("/api/v1/search/suggestions?q=cafe&x%01=1", "x\\u0001");
        api.get("/api/v1/search/suggestions?q=cafe").expect(200);
    }

    @Test
    void isDocumented() {
        expectDocumented(http, "/api/v1/search/products", "/api/v1/search/suggestions");
    }

    private List<String> problemFields(String path, String q, String more) {
        ApiReply reply = api.send(org.springframework.http.HttpMethod.GET,
                path + "?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8) + more, null, null,
                java.util.Map.of());
        return reply.expectProblem(400, "validation").errorFields();
    }

    /** The fields the catalog's current document has beside those of the shared helper. */
    private static org.bson.Document stored(org.bson.Document product) {
        product.putIfAbsent("deleted", false);
        product.putIfAbsent("stockRevision", 0L);
        return product;
    }

    private JsonNode search(String query) {
        return api.get("/api/v1/search/products?" + query).expect(200).json();
    }

    private long total(String query) {
        return search(query).get("total").asLong();
    }

    /** A word no other test's product has; letters only, so no analyzer splits it. */
    private static String word() {
        StringBuilder word = new StringBuilder("qz");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16)));
        }
        return word.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Publishes inventory's {@code inventory.stock_changed} as inventory-service would, always to
     * partition 0 so that the test knows the order the consumer sees them in.
     */
    private void stockChanged(String sku, int available, long version) {
        OutboundMessage message = messages.create(Topics.INVENTORY_EVENTS, sku,
                new StockChanged(sku, available, available > 0, version));
        ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), 0, message.key(),
                message.payload());
        record.headers().add(Envelope.EVENT_ID, bytes(message.eventId().toString()));
        record.headers().add(Envelope.TYPE, bytes(message.type()));
        record.headers().add(Envelope.OCCURRED_AT, bytes(message.occurredAt().toString()));
        record.headers().add(Envelope.AGGREGATE_ID, bytes(message.key()));
        record.headers().add(Envelope.SCHEMA_VERSION, bytes(Integer.toString(message.schemaVersion())));
        try {
            kafkaTemplate.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not publish " + message.type(), e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
