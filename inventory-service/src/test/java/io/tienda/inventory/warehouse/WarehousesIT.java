package io.tienda.inventory.warehouse;

import io.tienda.inventory.support.Fixtures;
import io.tienda.inventory.support.InventoryIT;
import io.tienda.platform.testing.messaging.EventMessages;
import io.tienda.platform.events.Topics;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Managers open, reprioritise, close and reopen warehouses; closing one takes its stock off sale. */
class WarehousesIT extends InventoryIT {

    String manager;

    @BeforeEach
    void setUp() {
        manager = fixtures.manager();
    }

    @Test
    void aManagerOpensAWarehouseThatStartsActive() {
        String code = Fixtures.warehouseCode();

        ApiReply created = api.post("/api/v1/warehouses", manager,
                Map.of("code", code, "name", "  Valencia  ", "priority", 30)).expect(201);

        assertThat(created.headers().getLocation()).hasToString("/api/v1/warehouses/" + code);
        JsonNode body = created.json();
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("name").asString()).isEqualTo("Valencia");
        assertThat(body.get("priority").asInt()).isEqualTo(30);
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/warehouses/" + code, TestTokens.staff("SUPPORT")).expect(200).json())
                .isEqualTo(body);
        JsonNode page = api.get("/api/v1/warehouses?size=100&active=true", manager).expect(200).json();
        assertThat(page.get("items").valueStream().map(w -> w.get("code").asString())).contains(code, "MAD-1");

        String defaulted = Fixtures.warehouseCode();
        assertThat(api.post("/api/v1/warehouses", TestTokens.staff("ADMIN"), Map.of("code", defaulted, "name", "X"))
                .expect(201).json().get("priority").asInt()).isEqualTo(100);
    }

    @Test
    void aCodeIsTakenOnce() {
        api.post("/api/v1/warehouses", manager, Map.of("code", "MAD-1", "name", "Madrid again"))
                .expectProblem(409, "conflict");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"No code\"}",
            "{\"code\":\"lower-1\",\"name\":\"Lower case\"}",
            "{\"code\":\"X\",\"name\":\"Too short\"}",
            "{\"code\":\"%s\"}",
            "{\"code\":\"%s\",\"name\":\"   \"}",
            "{\"code\":\"%s\",\"name\":\"Far\",\"priority\":10001}",
            "{\"code\":\"%s\",\"name\":\"Far\",\"priority\":-1}",
            "{\"code\":\"%s\",\"name\":\"Far\",\"priority\":\"first\"}"})
    void aBadWarehouseIsABadRequestAndCreatesNothing(String template) {
        String code = Fixtures.warehouseCode();

        api.post("/api/v1/warehouses", manager, template.formatted(code)).expect(400);

        api.get("/api/v1/warehouses/" + code, manager).expectProblem(404, "not-found");
    }

    @Test
    void onlyManagersAndAdminsChangeWarehouses() {
        String code = Fixtures.warehouseCode();
        Map<String, Object> body = Map.of("code", code, "name", "Sevilla");

        api.post("/api/v1/warehouses", null, body).expectProblem(401, "unauthorized");
        api.post("/api/v1/warehouses", TestTokens.customer("c-9"), body).expectProblem(403, "forbidden");
        api.post("/api/v1/warehouses", TestTokens.staff("SUPPORT"), body).expectProblem(403, "forbidden");
        api.post("/api/v1/warehouses", TestTokens.staff("ANALYST"), body).expectProblem(403, "forbidden");
        api.patch("/api/v1/warehouses/MAD-1", TestTokens.staff("SUPPORT"), Map.of("active", false))
                .expectProblem(403, "forbidden");
        api.patch("/api/v1/warehouses/MAD-1", null, Map.of("active", false)).expectProblem(401, "unauthorized");
        api.get("/api/v1/warehouses/" + code, manager).expectProblem(404, "not-found");
    }

    @Test
    void closingAWarehouseTakesItsStockOffSaleAndReopeningPutsItBack() {
        String code = fixtures.warehouse(40);
        String sku = Fixtures.sku("WH");
        fixtures.receive(sku, code, 7);
        fixtures.receive(sku, Fixtures.MADRID, 3);

        JsonNode closed = api.patch("/api/v1/warehouses/" + code, manager, Map.of("active", false)).expect(200).json();
        assertThat(closed.get("active").asBoolean()).isFalse();
        assertThat(closed.get("availabilityPending").asBoolean()).isTrue();
        // What can be sold changes with the answer; the events follow as the SKUs are recomputed.
        assertThat(api.get("/api/v1/inventory/" + sku, null).json().get("available").asInt()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !api.get("/api/v1/warehouses/" + code, manager).json().get("availabilityPending").asBoolean());
        JsonNode rows = api.get("/api/v1/inventory?sku=" + sku, manager).json();
        assertThat(rows.get("items").valueStream().map(r -> r.get("warehouseActive").asBoolean()))
                .containsExactlyInAnyOrder(true, false);

        api.patch("/api/v1/warehouses/" + code, manager, Map.of("active", true, "name", "Reopened", "priority", 5))
                .expect(200);
        assertThat(api.get("/api/v1/inventory/" + sku, null).json().get("available").asInt()).isEqualTo(10);
        JsonNode reopened = api.get("/api/v1/warehouses/" + code, manager).json();
        assertThat(reopened.get("name").asString()).isEqualTo("Reopened");
        assertThat(reopened.get("priority").asInt()).isEqualTo(5);

        List<EventMessages.Published> changes = messages().await(Topics.INVENTORY_EVENTS, "inventory.stock_changed", sku, 4);
        assertThat(changes.stream().map(p -> p.json().get("available").asInt())).containsExactly(7, 10, 3, 10);
    }

    @Test
    void renamingOrReprioritisingChangesNoAvailability() {
        String code = fixtures.warehouse(45);
        String sku = Fixtures.sku("WH");
        fixtures.receive(sku, code, 2);

        api.patch("/api/v1/warehouses/" + code, manager, Map.of("name", "Renamed", "priority", 44)).expect(200);
        api.patch("/api/v1/warehouses/" + code, manager, Map.of("active", true)).expect(200);

        messages().await(Topics.INVENTORY_EVENTS, "inventory.stock_changed", sku, 1);
        assertThat(messages().all(Topics.INVENTORY_EVENTS, sku)).hasSize(1);
    }

    @Test
    void changingAnUnknownWarehouseIsNotFoundAndBadChangesAreBadRequests() {
        String name = api.get("/api/v1/warehouses/MAD-1", manager).json().get("name").asString();
        api.patch("/api/v1/warehouses/NOWHERE-7", manager, Map.of("active", false)).expectProblem(404, "not-found");
        api.patch("/api/v1/warehouses/MAD-1", manager, Map.of("priority", 20000)).expectProblem(400, "validation");
        api.patch("/api/v1/warehouses/MAD-1", manager, Map.of("name", " ")).expectProblem(400, "validation");
        for (String blank : List.of("\u2003", "\u3000 \u2003", "\u001C")) {
            assertThat(api.patch("/api/v1/warehouses/MAD-1", manager, Map.of("name", blank))
                    .expectProblem(400, "validation").json().get("errors").get(0).get("field").asString())
                    .isEqualTo("name");
        }
        api.patch("/api/v1/warehouses/MAD-1", manager, Map.of("name", "Madrid\nnorte")).expectProblem(400, "validation");
        api.post("/api/v1/warehouses", manager, Map.of("code", "NL-9", "name", "Norte\r\nSur"))
                .expectProblem(400, "validation");
        api.patch("/api/v1/warehouses/MAD-1", manager, "{\"active\":\"no\"}").expect(400);
        api.patch("/api/v1/warehouses/mad-1", manager, Map.of("active", false)).expect(400);
        assertThat(api.get("/api/v1/warehouses/MAD-1", manager).json().get("active").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/warehouses/MAD-1", manager).json().get("name").asString()).isEqualTo(name);
    }
}
