package io.tienda.e2e;

import io.tienda.e2e.Accounts.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalog across services, through the gateway: the demo shop is there to browse and search;
 * a product a manager creates is announced to inventory, which registers its SKU; stock received
 * and taken away in inventory reaches product search as in stock / sold out.
 */
@ExtendWith(Fleet.class)
class CatalogJourneyIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Test
    void theDemoShopCanBeBrowsedAndSearchedInBothLanguages() {
        JsonNode products = get("/api/v1/products?size=1").json();
        assertThat(products.get("total").asLong()).as("demo products").isGreaterThanOrEqualTo(200);

        JsonNode categories = get("/api/v1/categories").json();
        assertThat(categories.toString()).contains("\"es\"").contains("\"en\"");

        JsonNode spanish = get("/api/v1/search/products?q=cafe").json();
        assertThat(spanish.get("total").asLong()).as("'cafe' finds coffee").isPositive();
        assertThat(spanish.get("facets").size()).as("facets").isPositive();

        JsonNode suggestions = get("/api/v1/search/suggestions?q=caf").json();
        assertThat(suggestions.toString().toLowerCase(Locale.ROOT)).contains("caf");
    }

    @Test
    void aNewProductsStockReachesSearch() {
        String manager = Accounts.session(Account.MANAGER).accessToken();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String sku = "E2E-" + tag.toUpperCase(Locale.ROOT);
        String name = "Tetera esmaltada viajera " + tag;
        String category = get("/api/v1/categories").json().findValue("slug").asString();

        Api.Reply created = Api.gateway().post("/api/v1/products", """
                {"name":{"es":"%s","en":"Travelling enamel teapot %s"},
                 "description":{"es":"Tetera de acero esmaltado para el camino.","en":"An enamel steel teapot."},
                 "categoryId":"%s","price":{"amount":2490,"currency":"EUR"},
                 "variants":[{"sku":"%s","attributes":{"color":"azul"}}],"active":true}
                """.formatted(name, tag, category, sku))
                .bearer(manager).header("X-Forwarded-For", Accounts.randomClientAddress()).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        // inventory registers the SKU from product.created (with demo stock when the fleet seeds it)
        int registered = await().atMost(EVENTUALLY).until(() -> registeredStock(sku, manager), held -> held >= 0);

        Api.Reply receipt = Api.gateway().post("/api/v1/inventory/receipts", """
                {"sku":"%s","warehouse":"MAD-1","quantity":7,"reference":"PO-E2E-%s"}
                """.formatted(sku, tag)).bearer(manager).header("X-Forwarded-For", Accounts.randomClientAddress())
                .send();
        assertThat(receipt.status()).as(receipt.body()).isBetween(200, 201);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(searchInStock(tag)).isTrue());
        assertThat(availability(sku)).isEqualTo(registered + 7);

        Api.Reply adjustment = Api.gateway().post("/api/v1/inventory/adjustments", """
                {"sku":"%s","warehouse":"MAD-1","quantity":-%d,"reason":"DAMAGED","note":"dropped"}
                """.formatted(sku, registered + 7)).bearer(manager)
                .header("X-Forwarded-For", Accounts.randomClientAddress()).send();
        assertThat(adjustment.status()).as(adjustment.body()).isBetween(200, 201);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(searchInStock(tag)).isFalse());
        assertThat(availability(sku)).isZero();
    }

    /** What the default warehouse holds of the SKU; -1 while inventory has not registered it. */
    private static int registeredStock(String sku, String staffToken) {
        JsonNode rows = Api.gateway().get("/api/v1/inventory?warehouse=MAD-1&sku=" + sku).bearer(staffToken)
                .header("X-Forwarded-For", Accounts.randomClientAddress()).send().json().get("items");
        for (JsonNode row : rows) {
            if (row.get("sku").asString().equals(sku)) {
                return row.get("available").asInt();
            }
        }
        return -1;
    }

    /** The public availability: over every active warehouse, 0 for a SKU inventory has not heard of. */
    private static int availability(String sku) {
        return get("/api/v1/inventory/" + sku).json().get("available").asInt();
    }

    private static Boolean searchInStock(String tag) {
        JsonNode hits = get("/api/v1/search/products?q=" + URLEncoder.encode("tetera " + tag, StandardCharsets.UTF_8))
                .json().get("items");
        for (JsonNode hit : hits) {
            if (hit.get("name").get("es").asString().endsWith(tag)) {
                return hit.get("inStock").asBoolean();
            }
        }
        return null;
    }

    private static Api.Reply get(String path) {
        return Api.gateway().get(path).header("X-Forwarded-For", Accounts.randomClientAddress()).send();
    }
}
