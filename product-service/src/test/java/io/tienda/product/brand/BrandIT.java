package io.tienda.product.brand;

import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.security.TestTokens;
import io.tienda.product.ProductServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Brands: read by anyone, made and renamed by staff; a rename reaches every product of the brand. */
class BrandIT extends ProductServiceIT {

    @Autowired
    BrandAdmin admin;

    @BeforeEach
    void brands() {
        clear("brands", "categories");
    }

    @Test
    void listsBrandsByNameWithoutAToken() {
        api.post("/api/v1/brands", MANAGER, Map.of("name", "Viña Alta")).expect(201);
        ApiReply created = api.post("/api/v1/brands", ADMIN, Map.of("name", "Andana", "logoUrl",
                "https://images.tienda.local/marcas/andana.svg")).expect(201);
        assertThat(created.headers().getLocation()).hasToString("/api/v1/brands/andana");

        ApiReply list = api.get("/api/v1/brands").expect(200);
        JsonNode items = list.json().get("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).get("slug").asString()).isEqualTo("andana");
        assertThat(items.get(0).get("logoUrl").asString()).isEqualTo("https://images.tienda.local/marcas/andana.svg");
        assertThat(items.get(1).get("slug").asString()).isEqualTo("vina-alta");
        assertThat(items.get(1).get("name").asString()).isEqualTo("Viña Alta");
        api.send(HttpMethod.GET, "/api/v1/brands", null, null, Map.of("If-None-Match", list.headers().getETag()))
                .expect(304);
        assertThat(api.get("/api/v1/brands/vina-alta").expect(200).json().get("name").asString())
                .isEqualTo("Viña Alta");
        api.get("/api/v1/brands/nope").expectProblem(404, "not-found");
    }

    @Test
    void refusesTakenSlugsAndBadFields() {
        api.post("/api/v1/brands", MANAGER, Map.of("slug", "cumbre", "name", "Cumbre")).expect(201);
        api.post("/api/v1/brands", MANAGER, Map.of("slug", "cumbre", "name", "Cumbre 2"))
                .expectProblem(409, "slug-taken");
        assertThat(api.post("/api/v1/brands", MANAGER,
                        Map.of("slug", "No Vale", "name", " ", "logoUrl", "javascript:x"))
                .expectProblem(400, "validation").errorFields()).containsExactlyInAnyOrder("slug", "name", "logoUrl");
        api.put("/api/v1/brands/nope", MANAGER, Map.of("name", "X")).expectProblem(404, "not-found");
    }

    /** A brand's name is copied onto products and printed with them on one line. */
    @ParameterizedTest
    @MethodSource("notSingleLine")
    void namesRefuseControlCharactersAndLineBreaks(String bad) {
        api.post("/api/v1/brands", MANAGER, Map.of("slug", "cumbre", "name", "Cumbre")).expect(201);

        assertThat(api.post("/api/v1/brands", MANAGER, Map.of("name", "Sono" + bad + "ra",
                        "logoUrl", "https://images.tienda.local/sonora.svg" + bad))
                .expectProblem(400, "validation").errorFields()).containsExactlyInAnyOrder("name", "logoUrl");
        assertThat(api.put("/api/v1/brands/cumbre", MANAGER, Map.of("name", "Cumbre" + bad))
                .expectProblem(400, "validation").errorFields()).containsExactly("name");
        assertThat(mongo.findAll(Document.class, "brands")).extracting(b -> b.getString("name"))
                .containsExactly("Cumbre");
    }

    @Test
    void aRenameReachesEveryProductOfTheBrandAndIsAnnounced() {
        String brandId = api.post("/api/v1/brands", MANAGER, Map.of("name", "Sonora")).expect(201).json().get("id")
                .asString();
        String audio = category("audio", null, 1);
        String sku = skuPrefix();
        String productId = api.post("/api/v1/products", MANAGER,
                draft("Altavoz Marea", audio, "sonora", 2999, sku + "-1")).expect(201).json().get("id").asString();

        JsonNode renamed = api.put("/api/v1/brands/sonora", ADMIN,
                Map.of("slug", "sonora-audio", "name", "Sonora Audio")).expect(200).json();

        assertThat(renamed.get("slug").asString()).isEqualTo("sonora-audio");
        JsonNode product = api.get("/api/v1/products/" + productId).expect(200).json();
        assertThat(product.get("brand").get("name").asString()).isEqualTo("Sonora Audio");
        assertThat(product.get("brand").get("slug").asString()).isEqualTo("sonora-audio");
        assertThat(product.get("version").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/products?brand=sonora-audio").json().get("total").asLong()).isEqualTo(1);
        assertThat(mongo.findById(brandId, Document.class, "brands").getString("name")).isEqualTo("Sonora Audio");
        List<Published> events = productEvents(productId, seen -> seen.size() >= 2);
        assertThat(events).extracting(Published::type).containsExactly("product.created", "product.updated");
        assertThat(events.get(1).json().get("brandId").asString()).isEqualTo(brandId);
    }

    /**
     * A rename's write notes that the brand's products are owed its new copy; a crash before all have it
     * leaves the note, and start gives the rest the new name, a page of products at a time.
     */
    @Test
    void productsARenameLeftWithTheOldNameAreRelabelledAtStart() {
        String brandId = brand("marea", "Marea");
        List<String> ids = productsOf(brandId, "marea", "Marea", 501); // more than a page of the walk
        renamedWithoutRelabelling(brandId, "marea-sound", "Marea Sound", 2);
        String reached = ids.get(0); // the one product the walk relabelled before the crash
        mongo.getCollection("products").updateOne(new Document("_id", reached), new Document("$set",
                new Document("brand.slug", "marea-sound").append("brand.name", "Marea Sound").append("version", 2L)));

        assertThat(admin.relabelNotedProducts()).as("each product relabelled once").isEqualTo(ids.size() - 1);

        assertThat(copies(brandId)).containsOnly(List.of("marea-sound", "Marea Sound")).hasSize(ids.size());
        assertThat(mongo.findById(brandId, Document.class, "brands")).doesNotContainKey("productsToAnnounce");
        assertThat(admin.relabelNotedProducts()).as("nothing is owed twice").isZero();
        String last = ids.get(ids.size() - 1);
        assertThat(api.get("/api/v1/products/" + last).expect(200).json().get("brand").get("name").asString())
                .isEqualTo("Marea Sound");
        List<Published> events = productEvents(last, seen -> !seen.isEmpty());
        assertThat(events).extracting(Published::type).containsExactly("product.updated");
        assertThat(events.get(0).json().get("brandId").asString()).isEqualTo(brandId);
    }

    /**
     * A replacement of the brand finishes what a rename cut short left noted, even one that changes
     * nothing; a rename made while another is still owed leaves every product with the newest copy.
     */
    @Test
    void aRenameCutShortIsFinishedByTheNextReplacement() {
        String brandId = brand("brisa", "Brisa");
        List<String> ids = productsOf(brandId, "brisa", "Brisa", 3);

        renamedWithoutRelabelling(brandId, "brisa-home", "Brisa Home", 2);
        api.put("/api/v1/brands/brisa-home", MANAGER, Map.of("name", "Brisa Home")).expect(200);
        assertThat(copies(brandId)).containsOnly(List.of("brisa-home", "Brisa Home")).hasSize(ids.size());
        assertThat(mongo.findById(brandId, Document.class, "brands")).doesNotContainKey("productsToAnnounce");

        renamedWithoutRelabelling(brandId, "brisa-casa", "Brisa Casa", 3);
        api.put("/api/v1/brands/brisa-casa", MANAGER, Map.of("name", "Brisa Hogar")).expect(200);
        assertThat(copies(brandId)).containsOnly(List.of("brisa-casa", "Brisa Hogar")).hasSize(ids.size());
        assertThat(mongo.findById(brandId, Document.class, "brands")).doesNotContainKey("productsToAnnounce");
    }

    @Test
    void onlyManagersAndAdminsChangeBrands() {
        api.post("/api/v1/brands", MANAGER, Map.of("slug", "forja", "name", "Forja")).expect(201);
        Map<String, Object> body = Map.of("name", "Forja Fitness");
        for (String role : List.of("CUSTOMER", "SUPPORT", "ANALYST")) {
            String token = TestTokens.staff(role);
            api.post("/api/v1/brands", token, body).expectProblem(403, "forbidden");
            api.put("/api/v1/brands/forja", token, body).expectProblem(403, "forbidden");
        }
        api.post("/api/v1/brands", null, body).expectProblem(401, "unauthorized");
        api.put("/api/v1/brands/forja", null, body).expectProblem(401, "unauthorized");
        api.put("/api/v1/brands/forja", MANAGER, body).expect(200);
    }

    /** Products of the brand written directly, each with its copy of the brand; answers their ids. */
    private List<String> productsOf(String brandId, String slug, String name, int count) {
        String prefix = skuPrefix().toLowerCase();
        List<Document> products = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            products.add(product(prefix + "-" + n, name + " " + n, 2999, true, Instant.now())
                    .append("brand", new Document("id", brandId).append("slug", slug).append("name", name)));
        }
        mongo.insert(products, "products");
        return products.stream().map(product -> product.getString("_id")).toList();
    }

    /** The rename written with its note, as the brand's write leaves it, and the process gone before relabelling. */
    private void renamedWithoutRelabelling(String brandId, String slug, String name, long version) {
        mongo.getCollection("brands").updateOne(new Document("_id", brandId), new Document("$set",
                new Document("slug", slug).append("name", name).append("version", version))
                .append("$inc", new Document("productsToAnnounce", 1L)));
    }

    /** The brand's slug and name as each of its products carries them. */
    private List<List<String>> copies(String brandId) {
        return mongo.find(Query.query(where("brand.id").is(brandId)), Document.class, "products").stream()
                .map(product -> product.get("brand", Document.class))
                .map(brand -> List.of(brand.getString("slug"), brand.getString("name"))).toList();
    }
}
