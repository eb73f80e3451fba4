package io.tienda.product.catalog;

import io.tienda.platform.outbox.MongoOutbox;
import io.tienda.product.ProductServiceIT;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductCatalog;
import io.tienda.product.catalog.domain.ProductDraft;
import io.tienda.product.catalog.domain.ProductEvents;
import io.tienda.product.catalog.domain.ProductStore;
import io.tienda.product.catalog.domain.Rating;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the catalog announces on {@code product.events}, read back from Kafka and checked against
 * the contracts, and the outbox that guarantees it: an event whose send never happened is
 * still in its product's document and the sweep delivers it.
 */
class ProductEventsIT extends ProductServiceIT {

    @Autowired
    ProductCatalog catalog;

    @Autowired
    ProductStore store;

    @Autowired
    MongoOutbox outbox;

    private String audio;
    private String sonora;
    private String sku;

    @BeforeEach
    void references() {
        clear("categories", "brands");
        audio = category("audio", null, 1);
        sonora = brand("sonora", "Sonora");
        sku = skuPrefix();
    }

    @Test
    void announcesACreatedProductWithItsSkus() {
        JsonNode product = api.post("/api/v1/products", MANAGER,
                draft("Altavoz Faro", audio, sonora, 4999, sku + "-1", sku + "-2")).expect(201).json();
        String id = product.get("id").asString();

        List<Published> events = productEvents(id, seen -> !seen.isEmpty());

        assertThat(events).extracting(Published::type).containsExactly("product.created");
        JsonNode created = events.get(0).json();
        assertThat(created.get("productId").asString()).isEqualTo(id);
        assertThat(created.get("slug").asString()).isEqualTo("altavoz-faro");
        assertThat(created.get("name").asString()).isEqualTo("Altavoz Faro");
        assertThat(created.get("categoryId").asString()).isEqualTo(audio);
        assertThat(created.get("brandId").asString()).isEqualTo(sonora);
        assertThat(created.get("skus").toString()).isEqualTo("[\"" + sku + "-1\",\"" + sku + "-2\"]");
        assertThat(created.get("price").get("amount").asLong()).isEqualTo(4999);
        assertThat(created.get("price").get("currency").asString()).isEqualTo("EUR");
        assertThat(created.get("active").asBoolean()).isTrue();
    }

    @Test
    void announcesAnUpdateAndThePriceChangesOfTheSkusThatStay() {
        String id = api.post("/api/v1/products", MANAGER,
                draft("Altavoz Duna", audio, null, 4999, sku + "-1", sku + "-2"))
                .expect(201).json().get("id").asString();
        Map<String, Object> changed = draft("Altavoz Duna", audio, null, 3999, sku + "-1", sku + "-3");

        api.put("/api/v1/products/" + id, MANAGER, changed).expect(200);

        List<Published> events = productEvents(id, seen -> seen.size() >= 3);
        assertThat(events).extracting(Published::type)
                .containsExactly("product.created", "product.updated", "product.price_changed");
        JsonNode updated = events.get(1).json();
        assertThat(updated.get("skus").toString()).isEqualTo("[\"" + sku + "-1\",\"" + sku + "-3\"]");
        assertThat(updated.get("price").get("amount").asLong()).isEqualTo(3999);
        JsonNode priceChanged = events.get(2).json();
        assertThat(priceChanged.get("changes").size()).as("the new SKU had no price before").isEqualTo(1);
        JsonNode change = priceChanged.get("changes").get(0);
        assertThat(change.get("sku").asString()).isEqualTo(sku + "-1");
        assertThat(change.get("previous").get("amount").asLong()).isEqualTo(4999);
        assertThat(change.get("current").get("amount").asLong()).isEqualTo(3999);
        assertThat(events).extracting(Published::key).containsOnly(id);
    }

    @Test
    void announcesADeletionAndARating() {
        String id = api.post("/api/v1/products", MANAGER, draft("Radio Vela", audio, null, 2999, sku + "-1"))
                .expect(201).json().get("id").asString();

        Product rated = catalog.rate(id, () -> new Rating(4.5, 2)).orElseThrow();
        assertThat(rated.version()).isEqualTo(2);
        assertThat(api.get("/api/v1/products/" + id).json().get("rating").get("average").asDouble()).isEqualTo(4.5);
        api.delete("/api/v1/products/" + id, MANAGER).expect(204);
        assertThat(catalog.rate(id, () -> new Rating(5, 3))).as("a deleted product is gone").isEmpty();

        List<Published> events = productEvents(id, seen -> seen.size() >= 3);
        assertThat(events).extracting(Published::type)
                .containsExactly("product.created", "product.updated", "product.deleted");
        assertThat(events.get(2).json().get("skus").get(0).asString()).isEqualTo(sku + "-1");
        assertThat(events.get(2).json().get("productId").asString()).isEqualTo(id);
    }

    @Test
    void aChangeWhoseEventWasNeverSentIsAnnouncedByTheSweep() {
        // what a process that died between the write and the send leaves behind: the product and,
        // in the same document, its pending product.created
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ProductDraft draft = new ProductDraft(null, new ProductDraft.Text("Barra Cima", "Cima soundbar"), null, audio,
                null, new ProductDraft.Amount(19900L, "EUR"), null, List.of(),
                List.of(new ProductDraft.VariantDraft(sku + "-1", Map.of(), null, null)), true, false, null);
        Product product = draft.toProduct(id, "barra-cima-" + sku.toLowerCase(), audio, null, Rating.NONE, now, now, 1);
        store.insert(product, List.of(ProductEvents.created(product)));

        List<Document> pending = mongo.findById(id, Document.class, "products")
                .getList(MongoOutbox.FIELD, Document.class);
        assertThat(pending).hasSize(1);
        assertThat(productEventsWithin(id, Duration.ofSeconds(2))).as("nothing sent yet").isEmpty();
        assertThat(api.get("/api/v1/products/" + id).json().get("name").get("es").asString())
                .as("the change itself is visible at once").isEqualTo("Barra Cima");

        assertThat(outbox.sweep()).isGreaterThanOrEqualTo(1);

        List<Published> events = productEvents(id, seen -> !seen.isEmpty());
        assertThat(events).extracting(Published::type).containsExactly("product.created");
        assertThat(events.get(0).eventId()).isEqualTo(pending.get(0).getString("eventId"));
        assertThat(mongo.findById(id, Document.class, "products").getList(MongoOutbox.FIELD, Document.class))
                .isEmpty();
    }
}
