package io.tienda.product.brand;

import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.security.TestTokens;
import io.tienda.product.ProductServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Brands: read by anyone, made and renamed by staff; a rename reaches every product of the brand. */
class BrandIT extends ProductServiceIT {

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
}
