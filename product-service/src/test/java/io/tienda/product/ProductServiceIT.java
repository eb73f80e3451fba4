package io.tienda.product;

import io.tienda.platform.events.ContractValidator;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.messaging.KafkaMessageSender;
import io.tienda.platform.messaging.MessageFactory;
import io.tienda.platform.testing.KafkaProbe;
import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import io.tienda.platform.testing.http.StatusRetryFreeRestTestClient;
import io.tienda.platform.testing.http.TestApi;
import io.tienda.platform.testing.security.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One application context for every integration test of the service, on a real MongoDB wire
 * server and a real Kafka broker (the service creates its topics at start). Test data goes in
 * through MongoTemplate as raw documents, which also pins the stored document shape, or through
 * the API as staff would send it. The outbox sweep never runs on its own here: tests that need it
 * call it, so nothing races them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tienda.outbox.resubmit-interval=1h",
        "tienda.outbox.sweep-initial-delay=1h",
        // each test reads the recommendations its events just changed; ProductRecommendationsTest covers the cache
        "tienda.products.recommendations.cache-ttl=0s"})
@TiendaInfra(value = {Store.MONGODB, Store.KAFKA}, database = "products")
public abstract class ProductServiceIT {

    protected static final ContractValidator CONTRACTS = new ContractValidator();
    protected static final String MANAGER = TestTokens.staff("MANAGER");
    protected static final String ADMIN = TestTokens.staff("ADMIN");

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected Environment environment;

    /** How long a test waits for what it sent on Kafka to be applied. */
    protected static final Duration DELIVERY = Duration.ofSeconds(60);

    /** Other services' events and commands, in the platform's envelope, as they arrive on Kafka. */
    @Autowired
    protected MessageFactory messages;

    @Autowired
    protected KafkaMessageSender sender;

    protected RestTestClient http;

    /** The API as staff and shoppers call it. */
    protected TestApi api;

    @BeforeEach
    void client() {
        http = StatusRetryFreeRestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        api = new TestApi(http);
    }

    /**
     * A GET sent exactly as written (no encoding on the way), which must be a 400 validation naming
     * {@code field} for a control character in it.
     */
    protected void expectControlCharacterRefused(String pathAndQuery, String field) {
        http.get().uri(java.net.URI.create("http://localhost:" + port + pathAndQuery)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://tienda.io/problems/validation")
                .jsonPath("$.errors[*].field").isEqualTo(List.of(field))
                .jsonPath("$.errors[0].message").isEqualTo("must not contain control characters");
    }

    /**
     * What a single-line text (a name, a title, an attribute) refuses: control characters (C0 with NUL,
     * TAB, CR and LF, then DEL and C1) and the line and paragraph separators. Each is sent inside a text.
     */
    protected static List<String> notSingleLine() {
        return List.of("\u0000", "\n", "\r\n", "\r", "\t", "\u001B", "\u007F", "\u0085", "\u2028", "\u2029");
    }

    /**
     * What a multi-line text (a description, a review) refuses: its line breaks are LF or CR LF and it may
     * hold tabs, but no other control character and no bare CR or line or paragraph separator.
     */
    protected static List<String> notMultiLine() {
        return List.of("\u0000", "\r", "\u001B", "\u007F", "\u0085", "\u2028", "\u2029");
    }

    protected void clear(String... collections) {
        for (String collection : collections) {
            mongo.remove(new org.springframework.data.mongodb.core.query.Query(), collection);
        }
    }

    /** A product as the catalog stores it, written directly; one variant {@code <SLUG>-1} with 5 in stock. */
    protected static Document product(String slug, String name, long cents, boolean active, Instant createdAt) {
        String id = UUID.randomUUID().toString();
        return new Document("_id", id)
                .append("slug", slug)
                .append("name", new Document("es", name).append("en", name))
                .append("description", new Document("es", name + " description"))
                .append("categoryId", "cat-1")
                .append("brand", new Document("id", "brand-1").append("slug", "acme").append("name", "Acme"))
                .append("price", new Document("amount", cents).append("currency", "EUR"))
                .append("images", List.of(new Document("url", "https://img.example/" + slug + ".jpg")
                        .append("alt", new Document("es", name))))
                .append("variants", List.of(new Document("sku", slug.toUpperCase() + "-1")
                        .append("attributes", new Document(Map.of("talla", "M")))
                        .append("stock", new Document("available", 5).append("version", 1L))))
                .append("active", active)
                .append("featured", false)
                .append("inStock", true)
                .append("fromPrice", cents)
                .append("createdAt", Date.from(createdAt))
                .append("updatedAt", Date.from(createdAt))
                .append("version", 1L);
    }

    /** A category written directly, as the catalog stores it; returns its id. */
    protected String category(String slug, String parentId, int sortOrder) {
        String id = "c-" + slug;
        String parentPath = parentId == null ? ""
                : mongo.findById(parentId, Document.class, "categories").getString("path");
        mongo.insert(new Document("_id", id).append("slug", slug)
                .append("name", new Document("es", slug).append("en", slug + " (en)"))
                .append("parentId", parentId).append("path", parentPath + "/" + slug)
                .append("sortOrder", sortOrder), "categories");
        return id;
    }

    /** A brand written directly; returns its id. */
    protected String brand(String slug, String name) {
        String id = "b-" + slug;
        mongo.insert(new Document("_id", id).append("slug", slug).append("name", name).append("version", 1L),
                "brands");
        return id;
    }

    /**
     * A product as staff send it: one variant per SKU at the product's price, with {@code talla}
     * and {@code color} attributes taken from the SKU's last two parts when it has them.
     */
    protected static Map<String, Object> draft(String name, String categoryId, String brandId, long cents,
            String... skus) {
        List<Map<String, Object>> variants = new java.util.ArrayList<>();
        for (String sku : skus) {
            String[] parts = sku.split("-");
            Map<String, Object> variant = new java.util.LinkedHashMap<>();
            variant.put("sku", sku);
            if (parts.length >= 3) {
                variant.put("attributes", Map.of("talla", parts[parts.length - 2].toLowerCase(),
                        "color", parts[parts.length - 1].toLowerCase()));
            }
            variants.add(variant);
        }
        Map<String, Object> draft = new java.util.LinkedHashMap<>();
        draft.put("name", Map.of("es", name, "en", name + " (en)"));
        draft.put("description", Map.of("es", "Descripción de " + name, "en", "About " + name));
        draft.put("categoryId", categoryId);
        if (brandId != null) {
            draft.put("brandId", brandId);
        }
        draft.put("price", Map.of("amount", cents, "currency", "EUR"));
        draft.put("images", List.of(Map.of("url", "https://images.tienda.local/test.jpg",
                "alt", Map.of("es", name))));
        draft.put("variants", variants);
        return draft;
    }

    /** A copy of {@code draft} with {@code field} set to {@code value} (null removes it). */
    protected static Map<String, Object> with(Map<String, Object> draft, String field, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(draft);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }

    /** A unique SKU prefix for one test, so tests never collide on the catalog-wide unique SKUs. */
    protected static String skuPrefix() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    // ---- what reached Kafka

    /** A message on {@code product.events} as an outside consumer reads it. */
    protected record Published(String key, String type, String eventId, String body) {

        public JsonNode json() {
            return TestApi.JSON.readTree(body);
        }
    }

    protected KafkaProbe kafka() {
        return new KafkaProbe(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    /**
     * The messages for {@code productId} on {@code product.events}, read until {@code done} holds for
     * them (or for 30 seconds); each is checked against its contract.
     */
    protected List<Published> productEvents(String productId, Predicate<List<Published>> done) {
        List<Published> seen = new java.util.ArrayList<>();
        kafka().read(Topics.PRODUCT_EVENTS, record -> {
            if (productId.equals(record.key())) {
                seen.add(published(record));
            }
            return done.test(seen);
        }, Duration.ofSeconds(30));
        seen.forEach(message -> CONTRACTS.requireValid(message.type(), message.body()));
        return List.copyOf(seen);
    }

    /** Every message for {@code productId} that arrives within a few seconds. */
    protected List<Published> productEventsWithin(String productId, Duration window) {
        return kafka().read(Topics.PRODUCT_EVENTS, record -> false, window).stream()
                .filter(record -> productId.equals(record.key())).map(ProductServiceIT::published).toList();
    }

    private static Published published(ConsumerRecord<String, String> record) {
        return new Published(record.key(), KafkaProbe.header(record, Envelope.TYPE),
                KafkaProbe.header(record, Envelope.EVENT_ID), record.value());
    }
}
