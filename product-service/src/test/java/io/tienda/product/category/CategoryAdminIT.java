package io.tienda.product.category;

import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.security.TestTokens;
import io.tienda.product.ProductServiceIT;
import io.tienda.product.category.domain.Categories;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff shaping the category tree; shoppers reading one category. */
class CategoryAdminIT extends ProductServiceIT {

    @Autowired
    Categories categories;

    @Autowired
    CategoryAdmin admin;

    @BeforeEach
    void tree() {
        clear("categories");
    }

    @Test
    void createsCategoriesWithSlugsFromTheirSpanishNames() {
        ApiReply root = api.post("/api/v1/categories", MANAGER,
                Map.of("name", Map.of("es", "Electrónica", "en", "Electronics"), "sortOrder", 1)).expect(201);
        assertThat(root.headers().getLocation()).hasToString("/api/v1/categories/electronica");
        String rootId = root.json().get("id").asString();
        JsonNode child = api.post("/api/v1/categories", ADMIN, Map.of("name", Map.of("es", "Imagen y Sonido"),
                "parentId", "electronica")).expect(201).json();

        assertThat(child.get("slug").asString()).isEqualTo("imagen-y-sonido");
        assertThat(child.get("parentId").asString()).isEqualTo(rootId);
        assertThat(child.get("path").asString()).isEqualTo("/electronica/imagen-y-sonido");
        assertThat(child.get("depth").asInt()).isEqualTo(1);
        assertThat(child.get("name").get("es").asString()).isEqualTo("Imagen y Sonido");

        JsonNode detail = api.get("/api/v1/categories/imagen-y-sonido").expect(200).json();
        assertThat(detail.get("lineage").size()).isEqualTo(2);
        assertThat(detail.get("lineage").get(0).get("slug").asString()).isEqualTo("electronica");
        assertThat(detail.get("lineage").get(1).get("slug").asString()).isEqualTo("imagen-y-sonido");
        JsonNode parent = api.get("/api/v1/categories/electronica").expect(200).json();
        assertThat(parent.get("children").get(0).get("slug").asString()).isEqualTo("imagen-y-sonido");
        assertThat(parent.get("name").get("en").asString()).isEqualTo("Electronics");
        api.get("/api/v1/categories/" + rootId).expect(200);
        api.get("/api/v1/categories/no-such-category").expectProblem(404, "not-found");
        assertThat(categories.lineage(child.get("id").asString())).extracting(c -> c.slug())
                .containsExactly("electronica", "imagen-y-sonido");
    }

    @Test
    void refusesBadInputTakenSlugsAndUnknownParents() {
        api.post("/api/v1/categories", MANAGER, Map.of("slug", "moda", "name", Map.of("es", "Moda"))).expect(201);

        api.post("/api/v1/categories", MANAGER, Map.of("slug", "moda", "name", Map.of("es", "Moda bis")))
                .expectProblem(409, "slug-taken");
        assertThat(api.post("/api/v1/categories", MANAGER, Map.of("name", Map.of("es", "Moda"))).expect(201).json()
                .get("slug").asString()).isEqualTo("moda-2");
        api.post("/api/v1/categories", MANAGER, Map.of("name", Map.of("es", "Calzado"), "parentId", "nope"))
                .expectProblem(422, "unknown-parent");
        assertThat(api.post("/api/v1/categories", MANAGER,
                        Map.of("slug", "Mal Slug", "name", Map.of("es", "x".repeat(101)), "sortOrder", -1))
                .expectProblem(400, "validation").errorFields())
                .containsExactlyInAnyOrder("slug", "name.es", "sortOrder");
        api.post("/api/v1/categories", MANAGER, Map.of("name", Map.of())).expectProblem(400, "validation");
    }

    /** Category names head menus, order lines and mails: one line each, as the parent reference. */
    @ParameterizedTest
    @MethodSource("notSingleLine")
    void namesRefuseControlCharactersAndLineBreaks(String bad) {
        api.post("/api/v1/categories", MANAGER, Map.of("slug", "moda", "name", Map.of("es", "Moda"))).expect(201);

        assertThat(api.post("/api/v1/categories", MANAGER, Map.of("name", Map.of("es", "Cal" + bad + "zado",
                        "en", "Shoes" + bad), "parentId", "moda" + bad))
                .expectProblem(400, "validation").errorFields())
                .containsExactlyInAnyOrder("name.es", "name.en", "parentId");
        assertThat(api.put("/api/v1/categories/moda", MANAGER, Map.of("name", Map.of("es", "Mo" + bad + "da")))
                .expectProblem(400, "validation").errorFields()).containsExactly("name.es");
        assertThat(mongo.findAll(Document.class, "categories")).extracting(c -> c.get("name", Document.class)
                .getString("es")).containsExactly("Moda");
    }

    @Test
    void movingACategoryMovesTheWholeSubtree() {
        String home = id(api.post("/api/v1/categories", MANAGER,
                Map.of("slug", "hogar", "name", Map.of("es", "Hogar"))));
        String electronics = id(api.post("/api/v1/categories", MANAGER, Map.of("slug", "electronica",
                "name", Map.of("es", "Electrónica"))));
        String kitchen = id(api.post("/api/v1/categories", MANAGER,
                Map.of("slug", "cocina", "name", Map.of("es", "Cocina"), "parentId", home)));
        String appliances = id(api.post("/api/v1/categories", MANAGER, Map.of("slug", "electrodomesticos",
                "name", Map.of("es", "Electrodomésticos"), "parentId", kitchen)));
        String small = id(api.post("/api/v1/categories", MANAGER, Map.of("slug", "pae",
                "name", Map.of("es", "Pequeño electrodoméstico"), "parentId", appliances)));

        JsonNode moved = api.put("/api/v1/categories/electrodomesticos", MANAGER, Map.of("name",
                Map.of("es", "Electrodomésticos", "en", "Appliances"), "parentId", "electronica", "sortOrder", 3))
                .expect(200).json();

        assertThat(moved.get("path").asString()).isEqualTo("/electronica/electrodomesticos");
        assertThat(path(appliances)).isEqualTo("/electronica/electrodomesticos");
        assertThat(path(small)).isEqualTo("/electronica/electrodomesticos/pae");
        assertThat(path(kitchen)).isEqualTo("/hogar/cocina");
        assertThat(categories.subtreeIds(categories.byId(electronics).orElseThrow()))
                .containsExactlyInAnyOrder(electronics, appliances, small);

        // renaming a slug rewrites the paths below it too
        api.put("/api/v1/categories/electronica", MANAGER,
                Map.of("slug", "tecnologia", "name", Map.of("es", "Tecnología"))).expect(200);
        assertThat(path(small)).isEqualTo("/tecnologia/electrodomesticos/pae");

        api.put("/api/v1/categories/tecnologia", MANAGER, Map.of("name", Map.of("es", "Tecnología"), "parentId", "pae"))
                .expectProblem(409, "category-cycle");
        api.put("/api/v1/categories/tecnologia", MANAGER, Map.of("name", Map.of("es", "Tecnología"),
                "parentId", "tecnologia")).expectProblem(409, "category-cycle");
        api.put("/api/v1/categories/tecnologia", MANAGER, Map.of("slug", "hogar", "name", Map.of("es", "Tecnología")))
                .expectProblem(409, "slug-taken");
        api.put("/api/v1/categories/nope", MANAGER, Map.of("name", Map.of("es", "x"))).expectProblem(404, "not-found");
    }

    @Test
    void aPathLeftBehindByACrashIsRepaired() {
        String home = category("hogar", "Hogar", null);
        String kitchen = category("cocina", "Cocina", home);
        mongo.getCollection("categories").updateOne(new Document("_id", kitchen),
                new Document("$set", new Document("path", "/somewhere-else/cocina")));

        assertThat(admin.repairPaths()).isEqualTo(1);
        assertThat(path(kitchen)).isEqualTo("/hogar/cocina");
    }

    /**
     * A move or a rename announces the category's products again, so search files them under the new
     * branch. The category's write notes that they are owed; a crash before all are announced leaves the
     * note, and start, or the same replacement sent again, announces them.
     */
    @Test
    void productsAMoveLeftUnannouncedAreAnnouncedAtStart() {
        String home = category("hogar", "Hogar", null);
        String kitchen = category("cocina", "Cocina", home);
        String productId = pan(kitchen);

        api.put("/api/v1/categories/cocina", MANAGER, Map.of("name", Map.of("es", "Cocina"), "parentId", home,
                "sortOrder", 2)).expect(200);
        assertThat(version(productId)).as("a new order changes nothing search shows").isEqualTo(1);
        api.put("/api/v1/categories/cocina", MANAGER, Map.of("name", Map.of("es", "Cocina"))).expect(200);
        assertThat(categories.byId(kitchen).orElseThrow().parentId()).as("made a root").isNull();
        assertThat(version(productId)).isEqualTo(2);

        // the category written back under its parent with its note, and the process gone before announcing
        Document crashed = new Document("$set", new Document("parentId", home).append("path", "/hogar/cocina"))
                .append("$inc", new Document("productsToAnnounce", 1L));
        mongo.getCollection("categories").updateOne(new Document("_id", kitchen), crashed);
        assertThat(admin.announceNotedProducts()).isEqualTo(1);
        assertThat(version(productId)).isEqualTo(3);
        assertThat(mongo.findById(kitchen, Document.class, "categories")).doesNotContainKey("productsToAnnounce");
        assertThat(admin.announceNotedProducts()).as("nothing is owed twice").isZero();

        // a replacement that failed before announcing is finished by sending it again
        mongo.getCollection("categories").updateOne(new Document("_id", kitchen),
                new Document("$inc", new Document("productsToAnnounce", 1L)));
        api.put("/api/v1/categories/cocina", MANAGER, Map.of("name", Map.of("es", "Cocina"), "parentId", home))
                .expect(200);
        assertThat(version(productId)).isEqualTo(4);
        assertThat(productEvents(productId, seen -> seen.size() >= 4)).extracting(Published::type)
                .containsExactly("product.created", "product.updated", "product.updated", "product.updated");
    }

    @Test
    void refusesToDeleteACategoryWithChildrenOrProducts() {
        String home = category("hogar", "Hogar", null);
        String kitchen = category("cocina", "Cocina", home);
        String productId = pan(kitchen);

        api.delete("/api/v1/categories/hogar", MANAGER).expectProblem(409, "category-has-children");
        api.delete("/api/v1/categories/cocina", MANAGER).expectProblem(409, "category-has-products");

        api.delete("/api/v1/products/" + productId, MANAGER).expect(204);
        api.delete("/api/v1/categories/cocina", ADMIN).expect(204);
        api.delete("/api/v1/categories/hogar", MANAGER).expect(204);
        api.get("/api/v1/categories/hogar").expectProblem(404, "not-found");
        api.delete("/api/v1/categories/hogar", MANAGER).expectProblem(404, "not-found");
    }

    @Test
    void readsAreCachedAndChangesAreForManagersAndAdmins() {
        api.post("/api/v1/categories", MANAGER, Map.of("slug", "libros", "name", Map.of("es", "Libros"))).expect(201);
        ApiReply list = api.get("/api/v1/categories").expect(200);
        assertThat(list.headers().getCacheControl()).contains("public");
        api.send(HttpMethod.GET, "/api/v1/categories", null, null, Map.of("If-None-Match", list.headers().getETag()))
                .expect(304);
        ApiReply one = api.get("/api/v1/categories/libros").expect(200);
        api.send(HttpMethod.GET, "/api/v1/categories/libros", null, null,
                Map.of("If-None-Match", one.headers().getETag())).expect(304);

        Map<String, Object> body = Map.of("name", Map.of("es", "Cómics"));
        for (String role : List.of("CUSTOMER", "SUPPORT", "ANALYST")) {
            String token = TestTokens.staff(role);
            api.post("/api/v1/categories", token, body).expectProblem(403, "forbidden");
            api.put("/api/v1/categories/libros", token, body).expectProblem(403, "forbidden");
            api.delete("/api/v1/categories/libros", token).expectProblem(403, "forbidden");
        }
        api.post("/api/v1/categories", null, body).expectProblem(401, "unauthorized");
        api.put("/api/v1/categories/libros", null, body).expectProblem(401, "unauthorized");
        api.delete("/api/v1/categories/libros", null).expectProblem(401, "unauthorized");
    }

    private long version(String productId) {
        return mongo.findById(productId, Document.class, "products").getLong("version");
    }

    private String path(String id) {
        return mongo.findById(id, Document.class, "categories").getString("path");
    }

    private static String id(ApiReply reply) {
        return reply.expect(201).json().get("id").asString();
    }

    /** A category as staff create it: its slug, its Spanish name, and its parent (null for a root). */
    private String category(String slug, String name, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("slug", slug, "name", Map.of("es", name)));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return id(api.post("/api/v1/categories", MANAGER, body));
    }

    /** A frying pan in {@code categoryId}: its id. */
    private String pan(String categoryId) {
        return api.post("/api/v1/products", MANAGER, draft("Sartén", categoryId, null, 2499, skuPrefix()))
                .expect(201).json().get("id").asString();
    }
}
