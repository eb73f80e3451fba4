package io.tienda.product.demo;

import io.tienda.platform.outbox.MongoOutbox;
import io.tienda.product.ProductServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo catalog loads through the staff path, announces each product once, and loads only once. */
class DemoCatalogIT extends ProductServiceIT {

    private static final int GENERATED = 40;

    @Autowired
    DemoCatalog demo;

    @BeforeEach
    @AfterEach
    void empty() {
        clear("products", "categories", "brands");
    }

    @Test
    void loadsOnceAndASecondLoadChangesAndAnnouncesNothing() {
        int size = demo.curatedSize() + GENERATED;

        DemoCatalog.Result first = demo.load(size);

        assertThat(demo.curatedSize()).isBetween(250, 400);
        assertThat(first.categories()).isGreaterThanOrEqualTo(20);
        assertThat(first.brands()).isEqualTo(25);
        assertThat(first.curated()).isEqualTo(demo.curatedSize());
        assertThat(first.generated()).isEqualTo(GENERATED);
        assertThat(count("products")).isEqualTo(size);
        assertThat(mongo.getCollection("products").countDocuments(new Document(MongoOutbox.FIELD + ".0",
                new Document("$exists", true)))).as("every product.created sent").isZero();
        String curatedId = CatalogFile.id("product", "AUR:0");
        String generatedId = GeneratedCatalog.id(GENERATED - 1);
        assertThat(productEvents(curatedId, seen -> !seen.isEmpty())).extracting(Published::type)
                .containsExactly("product.created");
        assertThat(productEvents(generatedId, seen -> !seen.isEmpty())).extracting(Published::type)
                .containsExactly("product.created");
        Document before = mongo.findById(curatedId, Document.class, "products");

        DemoCatalog.Result second = demo.load(size);

        assertThat(second.categories() + second.brands() + second.curated() + second.generated()).isZero();
        assertThat(count("products")).isEqualTo(size);
        assertThat(mongo.findById(curatedId, Document.class, "products")).isEqualTo(before);
        assertThat(productEventsWithin(curatedId, Duration.ofSeconds(3))).hasSize(1);
        assertThat(productEventsWithin(generatedId, Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void isARealisticBilingualShop() {
        demo.load(demo.curatedSize() + GENERATED);

        JsonNode headphones = api.get("/api/v1/products/auriculares-inalambricos-aura").expect(200).json();
        assertThat(headphones.get("name").get("en").asString()).isEqualTo("Aura wireless headphones");
        assertThat(headphones.get("description").get("es").asString()).contains("cancelación");
        assertThat(headphones.get("brand").get("name").asString()).isEqualTo("Sonora");
        assertThat(headphones.get("featured").asBoolean()).isTrue();
        assertThat(headphones.get("images").get(0).get("url").asString())
                .isEqualTo("https://images.tienda.local/auriculares-inalambricos-aura.jpg");
        assertThat(headphones.get("images").get(0).get("alt").get("es").asString())
                .isEqualTo("Auriculares inalámbricos Aura");
        assertThat(headphones.get("variants").size()).isEqualTo(3);
        assertThat(headphones.get("variants").get(0).get("sku").asString()).isEqualTo("AUR01-NEGRO");

        JsonNode categories = api.get("/api/v1/categories").expect(200).json().get("items");
        assertThat(categories.get(0).get("slug").asString()).isEqualTo("electronica");
        assertThat(categories.get(1).get("slug").asString()).isEqualTo("audio");
        assertThat(api.get("/api/v1/products?category=moda").json().get("total").asLong()).isGreaterThan(30);
        assertThat(api.get("/api/v1/products?category=cafe&attr.capacidad=1 kg").json().get("total").asLong())
                .isGreaterThan(3);
        assertThat(api.get("/api/v1/products?featured=true").json().get("total").asLong()).isGreaterThan(10);
        assertThat(api.get("/api/v1/brands").json().get("items").size()).isEqualTo(25);
        long discounted = mongo.getCollection("products").countDocuments(new Document("compareAtPrice",
                new Document("$exists", true)));
        assertThat(discounted).isGreaterThan(30);
        List<String> smartphoneSkus = new java.util.ArrayList<>();
        api.get("/api/v1/products/smartphone-n1").expect(200).json().get("variants")
                .forEach(v -> smartphoneSkus.add(v.get("sku").asString() + "=" + v.get("price").get("amount")));
        assertThat(smartphoneSkus).contains("SMA01-128GB-NEGRO=29900", "SMA01-256GB-NEGRO=35900");
    }

    private long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }
}
