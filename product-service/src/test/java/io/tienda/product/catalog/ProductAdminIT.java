package io.tienda.product.catalog;

import io.tienda.platform.core.TextRules;
import io.tienda.platform.testing.MovableClock;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.security.TestTokens;
import io.tienda.platform.testing.http.TestApi;
import io.tienda.product.ProductServiceIT;
import io.tienda.product.brand.BrandAdmin;
import io.tienda.product.brand.domain.BrandDraft;
import io.tienda.product.brand.domain.Brands;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductDraft;
import io.tienda.product.catalog.domain.ProductStore;
import io.tienda.product.category.domain.Categories;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff creating, replacing and deleting products, and everything they may get wrong. */
class ProductAdminIT extends ProductServiceIT {

    @Autowired
    private ProductStore store;

    @Autowired
    private Categories categories;

    @Autowired
    private Brands brands;

    @Autowired
    private BrandAdmin brandAdmin;

    private String audio;
    private String sonora;
    private String sku;

    @BeforeEach
    void references() {
        clear("categories", "brands");
        String electronics = category("electronica", null, 1);
        audio = category("audio", electronics, 1);
        sonora = brand("sonora", "Sonora");
        sku = skuPrefix();
    }

    @Test
    void createsAProductWithASlugFromItsSpanishName() {
        ApiReply created = api.post("/api/v1/products", MANAGER,
                draft("Auriculares Inalámbricos Ñandú", audio, sonora, 7999, sku + "-M-NEGRO", sku + "-L-AZUL"))
                .expect(201);

        JsonNode product = created.json();
        String id = product.get("id").asString();
        assertThat(created.headers().getLocation()).hasToString("/api/v1/products/" + id);
        assertThat(created.headers().getETag()).isEqualTo("\"1-0\"");
        assertThat(product.get("slug").asString()).isEqualTo("auriculares-inalambricos-nandu");
        assertThat(product.get("name").get("es").asString()).isEqualTo("Auriculares Inalámbricos Ñandú");
        assertThat(product.get("categoryId").asString()).isEqualTo(audio);
        assertThat(product.get("brand").get("slug").asString()).isEqualTo("sonora");
        assertThat(product.get("brand").get("name").asString()).isEqualTo("Sonora");
        assertThat(product.get("active").asBoolean()).isTrue();
        assertThat(product.get("featured").asBoolean()).isFalse();
        assertThat(product.get("inStock").asBoolean()).as("not for sale until inventory reports stock").isFalse();
        assertThat(product.get("version").asLong()).isEqualTo(1);
        assertThat(product.get("variants").get(0).get("attributes").get("color").asString()).isEqualTo("negro");
        assertThat(product.get("variants").get(0).get("price").get("amount").asLong()).isEqualTo(7999);

        api.get("/api/v1/products/" + id).expect(200);
        JsonNode bySlug = api.get("/api/v1/products/auriculares-inalambricos-nandu").expect(200).json();
        assertThat(bySlug.get("id").asString()).isEqualTo(id);
        Document stored = mongo.findById(id, Document.class, "products");
        assertThat(stored.getBoolean("inStock")).isFalse();
        assertThat(stored.getLong("fromPrice")).isEqualTo(7999);
        assertThat(stored.getList("_outbox", Document.class)).as("sent at once").isEmpty();
    }

    @Test
    void makesGeneratedSlugsUniqueAndRefusesTakenOnes() {
        String first = api.post("/api/v1/products", MANAGER, draft("Café molido", audio, null, 549, sku + "-A"))
                .expect(201).json().get("slug").asString();
        String second = api.post("/api/v1/products", MANAGER, draft("Café Molido", audio, null, 549, sku + "-B"))
                .expect(201).json().get("slug").asString();
        assertThat(first).isEqualTo("cafe-molido");
        assertThat(second).isEqualTo("cafe-molido-2");

        ApiReply taken = api.post("/api/v1/products", MANAGER,
                with(draft("Otro café", audio, null, 549, sku + "-C"), "slug", "cafe-molido"))
                .expectProblem(409, "slug-taken");
        assertThat(taken.json().get("slug").asString()).isEqualTo("cafe-molido");
    }

    @Test
    void refusesASkuAnotherProductUses() {
        api.post("/api/v1/products", MANAGER, draft("Altavoz", audio, null, 2999, sku + "-1")).expect(201);

        ApiReply taken = api.post("/api/v1/products", ADMIN,
                draft("Altavoz bis", audio, null, 2999, sku + "-2", sku + "-1")).expectProblem(409, "sku-taken");
        assertThat(taken.json().get("skus").get(0).asString()).isEqualTo(sku + "-1");
    }

    @Test
    void refusesUnknownCategoriesAndBrands() {
        api.post("/api/v1/products", MANAGER, draft("Radio", "no-such-category", null, 2999, sku + "-1"))
                .expectProblem(422, "unknown-category");
        api.post("/api/v1/products", MANAGER, draft("Radio", audio, "no-such-brand", 2999, sku + "-1"))
                .expectProblem(422, "unknown-brand");
        // slugs work as well as ids
        ApiReply bySlugs = api.post("/api/v1/products", MANAGER, draft("Radio", "audio", "sonora", 2999, sku + "-1"))
                .expect(201);
        assertThat(bySlugs.json().get("categoryId").asString()).isEqualTo(audio);
        assertThat(bySlugs.json().get("brand").get("id").asString()).isEqualTo(sonora);
    }

    @Test
    void listsEveryInvalidFieldAndStoresNothing() {
        Map<String, Object> bad = draft("x".repeat(201), audio, null, 1000, "bad sku", "OK-SKU" + sku, "OK-SKU" + sku);
        bad.put("description", Map.of("es", "d".repeat(5001)));
        bad.put("compareAtPrice", Map.of("amount", 900, "currency", "EUR"));
        bad.put("slug", "Not A Slug");
        List<Map<String, Object>> images = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            images.add(Map.of("url", "https://images.tienda.local/" + i + ".jpg"));
        }
        bad.put("images", images);
        long before = mongo.getCollection("products").countDocuments();

        ApiReply invalid = api.post("/api/v1/products", MANAGER, bad).expectProblem(400, "validation");

        assertThat(invalid.errorFields()).contains("name.es", "description.es", "compareAtPrice", "slug", "images",
                "variants[0].sku", "variants[2].sku");
        assertThat(mongo.getCollection("products").countDocuments()).isEqualTo(before);
    }

    @Test
    void checksPricesVariantsAndAttributes() {
        expectInvalid(with(draft("Sin variantes", audio, null, 1000), "variants", List.of()), "variants");
        expectInvalid(with(draft("Sin precio", audio, null, 1000, sku + "-1"), "price", null), "price");
        expectInvalid(with(draft("Moneda", audio, null, 1000, sku + "-1"), "price",
                Map.of("amount", 1000, "currency", "euro")), "price.currency");
        expectInvalid(with(draft("Negativo", audio, null, 1000, sku + "-1"), "price",
                Map.of("amount", -1, "currency", "EUR")), "price.amount");
        expectInvalid(with(draft("Mezcla", audio, null, 1000, sku + "-1"), "compareAtPrice",
                Map.of("amount", 2000, "currency", "USD")), "compareAtPrice.currency");
        expectInvalid(with(draft("Sin categoría", audio, null, 1000, sku + "-1"), "categoryId", null), "categoryId");
        expectInvalid(with(draft("Sin nombre", audio, null, 1000, sku + "-1"), "name", Map.of("es", " ")), "name");
        expectInvalid(with(draft("Imagen", audio, null, 1000, sku + "-1"), "images",
                List.of(Map.of("url", "ftp://images/x.jpg"))), "images[0].url");

        Map<String, Object> variant = new LinkedHashMap<>();
        variant.put("sku", sku + "-1");
        variant.put("price", Map.of("amount", 500, "currency", "USD"));
        variant.put("compareAtPrice", Map.of("amount", 400, "currency", "EUR"));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            attributes.put("a" + i, "v");
        }
        variant.put("attributes", attributes);
        expectInvalid(with(draft("Variante", audio, null, 1000), "variants", List.of(variant)),
                "variants[0].price.currency", "variants[0].attributes");

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(Map.of("sku", sku + "-" + i));
        }
        expectInvalid(with(draft("Muchas", audio, null, 1000), "variants", many), "variants");

        api.post("/api/v1/products", MANAGER, "{\"name\": ").expectProblem(400, "malformed-request");
        api.post("/api/v1/products", MANAGER, "{\"price\": {\"amount\": \"lots\"}}").expectProblem(400,
                "invalid-field-type");
    }

    /**
     * The shop sells in EUR: pricing refuses any other currency, so a product priced in one would be
     * listed in stock and then refused by every cart. A product wholly in another currency, where no
     * price disagrees with another, is refused too, and so is a replacement into one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"USD", "ZZZ"})
    void pricesAreInTheShopsCurrency(String currency) {
        Map<String, Object> price = Map.of("amount", 1000, "currency", currency);
        Map<String, Object> compareAt = Map.of("amount", 2000, "currency", currency);
        Map<String, Object> variant = Map.of("sku", sku + "-2", "price", price, "compareAtPrice", compareAt);
        Map<String, Object> foreign = with(with(with(draft("Altavoz", audio, null, 1000), "price", price),
                "compareAtPrice", compareAt), "variants", List.of(Map.of("sku", sku + "-1"), variant));
        long before = mongo.getCollection("products").countDocuments();

        ApiReply created = api.post("/api/v1/products", MANAGER, foreign).expectProblem(400, "validation");

        assertThat(created.errorFields()).containsExactlyInAnyOrder("price.currency", "compareAtPrice.currency",
                "variants[1].price.currency", "variants[1].compareAtPrice.currency");
        assertThat(created.json().get("errors").get(0).get("message").asString()).contains("EUR");
        assertThat(mongo.getCollection("products").countDocuments()).isEqualTo(before);

        String id = api.post("/api/v1/products", MANAGER, draft("Altavoz", audio, null, 1000, sku + "-1"))
                .expect(201).json().get("id").asString();
        assertThat(api.put("/api/v1/products/" + id, MANAGER, foreign).expectProblem(400, "validation")
                .errorFields()).containsExactlyInAnyOrder("price.currency", "compareAtPrice.currency",
                "variants[1].price.currency", "variants[1].compareAtPrice.currency");
        JsonNode kept = api.get("/api/v1/products/" + id).expect(200).json();
        assertThat(kept.get("version").asLong()).isEqualTo(1);
        assertThat(kept.get("price").get("currency").asString()).isEqualTo("EUR");
    }

    /**
     * Names, alt texts, SEO texts and attributes go into order lines, mails and documents as one line
     * each: a line break or a control character in one is refused, naming the field, and nothing is stored.
     */
    @ParameterizedTest
    @MethodSource("notSingleLine")
    void singleLineTextsRefuseControlCharactersAndLineBreaks(String bad) {
        Map<String, Object> draft = draft("Altavoz", audio, sonora, 1000);
        draft.put("name", Map.of("es", "Altavoz" + bad + "portátil", "en", "Speaker"));
        draft.put("images", List.of(Map.of("url", "https://images.tienda.local/a.jpg",
                "alt", Map.of("en", "Speaker" + bad))));
        draft.put("seo", Map.of("title", Map.of("es", "Altavoz" + bad + "barato"),
                "description", Map.of("en", "A" + bad + "speaker")));
        draft.put("variants", List.of(
                Map.of("sku", sku + "-1", "attributes", Map.of("co" + bad + "lor", "negro")),
                Map.of("sku", sku + "-2", "attributes", Map.of("color", "azul" + bad))));
        draft.put("categoryId", audio + bad);
        long before = mongo.getCollection("products").countDocuments();

        ApiReply refused = api.post("/api/v1/products", MANAGER, draft).expectProblem(400, "validation");

        assertThat(refused.errorFields()).containsExactlyInAnyOrder("name.es", "images[0].alt.en", "seo.title.es",
                "seo.description.en", "variants[0].attributes." + TextRules.printable("co" + bad + "lor"),
                "variants[1].attributes.color", "categoryId");
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .isEqualTo(TextRules.SINGLE_LINE_MESSAGE);
        assertThat(mongo.getCollection("products").countDocuments()).isEqualTo(before);
    }

    /** A description has paragraphs: LF, CR LF and tabs stay; other control characters do not. */
    @ParameterizedTest
    @MethodSource("notMultiLine")
    void descriptionsKeepLineBreaksButRefuseOtherControlCharacters(String bad) {
        String id = api.post("/api/v1/products", MANAGER, draft("Altavoz", audio, null, 1000, sku + "-1"))
                .expect(201).json().get("id").asString();
        Map<String, Object> paragraphs = with(draft("Altavoz", audio, null, 1000, sku + "-1"), "description",
                Map.of("es", "Potente.\r\nResistente al agua:\n\t- IPX7", "en", "Loud" + bad + "and clear"));

        assertThat(api.put("/api/v1/products/" + id, MANAGER, paragraphs).expectProblem(400, "validation")
                .errorFields()).containsExactly("description.en");

        paragraphs.put("description", Map.of("es", "Potente.\r\nResistente al agua:\n\t- IPX7"));
        assertThat(api.put("/api/v1/products/" + id, MANAGER, paragraphs).expect(200).json().get("description")
                .get("es").asString()).isEqualTo("Potente.\r\nResistente al agua:\n\t- IPX7");
    }

    @Test
    void replacesWhatStaffEditKeepingStockRatingAndSlug() {
        JsonNode created = api.post("/api/v1/products", MANAGER,
                draft("Barra de sonido", audio, sonora, 19900, sku + "-1", sku + "-2")).expect(201).json();
        String id = created.get("id").asString();
        mongo.getCollection("products").updateOne(new Document("_id", id), new Document("$set",
                new Document("variants.0.stock", new Document("available", 7).append("version", 3L))
                        .append("rating", new Document("average", 4.5).append("count", 2)).append("inStock", true)));

        Map<String, Object> changed = draft("Barra de sonido 5.1", audio, null, 24900, sku + "-1", sku + "-3");
        changed.put("featured", true);
        ApiReply replaced = api.send(HttpMethod.PUT, "/api/v1/products/" + id, MANAGER, changed,
                Map.of("If-Match", "\"1-4\"")).expect(200);

        JsonNode product = replaced.json();
        assertThat(product.get("slug").asString()).isEqualTo("barra-de-sonido");
        assertThat(product.get("name").get("es").asString()).isEqualTo("Barra de sonido 5.1");
        assertThat(product.get("version").asLong()).isEqualTo(2);
        assertThat(product.get("featured").asBoolean()).isTrue();
        assertThat(product.get("brand").isNull()).isTrue();
        assertThat(product.get("rating").get("count").asInt()).isEqualTo(2);
        assertThat(product.get("variants").get(0).get("available").asInt()).isEqualTo(7);
        assertThat(product.get("variants").get(1).get("available").asInt()).as("a new SKU").isZero();
        assertThat(product.get("inStock").asBoolean()).isTrue();
        assertThat(replaced.headers().getETag()).isEqualTo("\"2-4\"");
        assertThat(mongo.findById(id, Document.class, "products").getLong("fromPrice")).isEqualTo(24900);

        // the same content again changes nothing, not even the version
        ApiReply same = api.put("/api/v1/products/" + id, ADMIN, changed).expect(200);
        assertThat(same.json().get("version").asLong()).isEqualTo(2);
    }

    /**
     * A replacement that starts over because a brand rename relabelled the product meanwhile takes the
     * brand as it is then, not the copy it read before the rename. The rename runs from the
     * replacement's clock, which it reads between reading the product and writing it: where a rename
     * made at the same moment falls.
     */
    @Test
    void aReplacementRacingABrandRenameKeepsTheNewName() {
        String id = api.post("/api/v1/products", MANAGER, draft("Altavoz", audio, sonora, 9900, sku + "-1"))
                .expect(201).json().get("id").asString();
        String newSlug = "renombrada-" + sku.toLowerCase(); // a slug of its own: other tests' products stay
        MovableClock renamingOnce = new MovableClock(Instant.now());
        renamingOnce.onNextRead(() -> brandAdmin.replace(sonora, new BrandDraft(newSlug, "Sonora Audio", null)));
        ProductAdmin racing = new ProductAdmin(store, categories, brands, renamingOnce);

        Product replaced = racing.replace(id, TestApi.JSON.convertValue(
                draft("Altavoz portátil", audio, sonora, 9900, sku + "-1"), ProductDraft.class),
                ProductVersions.Expected.ANY);

        assertThat(replaced.brand().name()).as("renamed when the replacement read the time")
                .isEqualTo("Sonora Audio");
        JsonNode product = api.get("/api/v1/products/" + id).expect(200).json();
        assertThat(product.get("name").get("es").asString()).isEqualTo("Altavoz portátil");
        assertThat(product.get("brand").get("name").asString()).isEqualTo("Sonora Audio");
        assertThat(product.get("brand").get("slug").asString()).isEqualTo(newSlug);
        assertThat(product.get("version").asLong()).as("created, relabelled, replaced").isEqualTo(3);
    }

    @Test
    void refusesAReplacementBasedOnAnOldVersion() {
        String id = api.post("/api/v1/products", MANAGER, draft("Tocadiscos", audio, null, 14900, sku + "-1"))
                .expect(201).json().get("id").asString();
        api.put("/api/v1/products/" + id, MANAGER, draft("Tocadiscos retro", audio, null, 14900, sku + "-1"))
                .expect(200);

        ApiReply stale = api.send(HttpMethod.PUT, "/api/v1/products/" + id, MANAGER,
                draft("Tocadiscos clásico", audio, null, 14900, sku + "-1"), Map.of("If-Match", "\"1-0\""))
                .expectProblem(412, "precondition-failed");
        assertThat(stale.json().get("currentEtag").asString()).isEqualTo("\"2-0\"");
        api.send(HttpMethod.PUT, "/api/v1/products/" + id, MANAGER, draft("X", audio, null, 1, sku + "-1"),
                Map.of("If-Match", "\"garbage\"")).expectProblem(412, "precondition-failed");
        api.send(HttpMethod.DELETE, "/api/v1/products/" + id, MANAGER, null, Map.of("If-Match", "W/\"1-0\""))
                .expectProblem(412, "precondition-failed");
        assertThat(api.get("/api/v1/products/" + id).json().get("name").get("es").asString())
                .isEqualTo("Tocadiscos retro");

        api.send(HttpMethod.PUT, "/api/v1/products/" + id, MANAGER,
                draft("Tocadiscos clásico", audio, null, 14900, sku + "-1"), Map.of("If-Match", "\"1-0\", \"3-0\""))
                .expectProblem(412, "precondition-failed");
        api.send(HttpMethod.PUT, "/api/v1/products/" + id, MANAGER,
                draft("Tocadiscos clásico", audio, null, 14900, sku + "-1"), Map.of("If-Match", "\"1-0\", \"2-0\""))
                .expect(200);
    }

    @Test
    void answersNotModifiedUntilTheProductOrItsStockChanges() {
        String id = api.post("/api/v1/products", MANAGER, draft("Micrófono", audio, null, 8900, sku + "-1"))
                .expect(201).json().get("id").asString();
        ApiReply read = api.get("/api/v1/products/" + id).expect(200);
        String etag = read.headers().getETag();
        assertThat(etag).isEqualTo("\"1-0\"");
        assertThat(read.headers().getCacheControl()).contains("public", "max-age=60");

        api.send(HttpMethod.GET, "/api/v1/products/" + id, null, null, Map.of("If-None-Match", etag)).expect(304);
        api.send(HttpMethod.GET, "/api/v1/products/" + id, null, null, Map.of("If-None-Match", "W/" + etag))
                .expect(304);

        mongo.getCollection("products").updateOne(new Document("_id", id), new Document("$set",
                new Document("variants.0.stock", new Document("available", 3).append("version", 1L))));
        ApiReply restocked = api.send(HttpMethod.GET, "/api/v1/products/" + id, null, null,
                Map.of("If-None-Match", etag)).expect(200);
        assertThat(restocked.headers().getETag()).isEqualTo("\"1-2\"");
    }

    @Test
    void productsNotOnSaleAreHiddenFromShoppersButNotFromStaff() {
        String id = api.post("/api/v1/products", MANAGER,
                with(draft("Prototipo", audio, null, 100, sku + "-1"), "active", false)).expect(201)
                .json().get("id").asString();

        api.get("/api/v1/products/" + id).expectProblem(404, "not-found");
        api.get("/api/v1/products/" + id, TestTokens.customer(TestTokens.newCustomer()))
                .expectProblem(404, "not-found");
        ApiReply staff = api.get("/api/v1/products/" + id, TestTokens.staff("SUPPORT")).expect(200);
        assertThat(staff.headers().getCacheControl()).contains("private").doesNotContain("public");
        api.get("/api/v1/products/" + id, MANAGER).expect(200);
        assertThat(api.get("/api/v1/products/no-such-product").status()).isEqualTo(404);
    }

    @Test
    void deletedProductsVanishButKeepTheirSlugAndSkus() {
        String id = api.post("/api/v1/products", MANAGER, draft("Amplificador", audio, null, 29900, sku + "-1"))
                .expect(201).json().get("id").asString();

        api.delete("/api/v1/products/" + id, ADMIN).expect(204);

        api.get("/api/v1/products/" + id).expectProblem(404, "not-found");
        api.get("/api/v1/products/" + id, MANAGER).expectProblem(404, "not-found");
        api.get("/api/v1/products/amplificador").expectProblem(404, "not-found");
        api.delete("/api/v1/products/" + id, ADMIN).expectProblem(404, "not-found");
        api.put("/api/v1/products/" + id, ADMIN, draft("Amplificador", audio, null, 1, sku + "-1"))
                .expectProblem(404, "not-found");
        // its SKU is sold no more: a cart holding it is told so
        var quoted = api.post("/api/v1/pricing", null, Map.of("items", List.of(Map.of("sku", sku + "-1", "quantity", 1))))
                .expect(200).json().get("lines").get(0);
        assertThat(quoted.get("available").asBoolean()).isFalse();
        assertThat(quoted.get("reason").asString()).isEqualTo("unknown");
        Document tombstone = mongo.findById(id, Document.class, "products");
        assertThat(tombstone.getBoolean("deleted")).isTrue();
        assertThat(tombstone.getBoolean("active")).isFalse();
        api.post("/api/v1/products", MANAGER, with(draft("Otro", audio, null, 1, sku + "-2"), "slug", "amplificador"))
                .expectProblem(409, "slug-taken");
        api.post("/api/v1/products", MANAGER, draft("Otro", audio, null, 1, sku + "-1"))
                .expectProblem(409, "sku-taken");
    }

    @Test
    void onlyManagersAndAdminsChangeTheCatalog() {
        String id = api.post("/api/v1/products", MANAGER, draft("Radio digital", audio, null, 4900, sku + "-1"))
                .expect(201).json().get("id").asString();
        Map<String, Object> body = draft("Radio digital", audio, null, 4900, sku + "-2");
        for (String role : List.of("CUSTOMER", "SUPPORT", "ANALYST")) {
            String token = TestTokens.staff(role);
            api.post("/api/v1/products", token, body).expectProblem(403, "forbidden");
            api.put("/api/v1/products/" + id, token, body).expectProblem(403, "forbidden");
            api.delete("/api/v1/products/" + id, token).expectProblem(403, "forbidden");
            // turned away before the body is read: no list of invalid fields for someone who may not edit
            api.post("/api/v1/products", token, Map.of("priceMinor", -1)).expectProblem(403, "forbidden");
            api.put("/api/v1/products/" + id, token, "{\"name\":").expectProblem(403, "forbidden");
        }
        api.post("/api/v1/products", null, body).expectProblem(401, "unauthorized");
        api.put("/api/v1/products/" + id, null, body).expectProblem(401, "unauthorized");
        api.delete("/api/v1/products/" + id, null).expectProblem(401, "unauthorized");
        api.put("/api/v1/products/" + id, ADMIN, body).expect(200);
        api.delete("/api/v1/products/" + id, MANAGER).expect(204);
    }

    private void expectInvalid(Map<String, Object> body, String... fields) {
        assertThat(api.post("/api/v1/products", MANAGER, body).expectProblem(400, "validation").errorFields())
                .contains(fields);
    }
}
