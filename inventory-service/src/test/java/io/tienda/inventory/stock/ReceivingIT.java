package io.tienda.inventory.stock;

import io.tienda.inventory.support.Fixtures;
import io.tienda.inventory.support.InventoryIT;
import io.tienda.platform.testing.messaging.EventMessages;
import io.tienda.platform.events.Topics;
import io.tienda.platform.testing.AllAtOnce;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff receive goods and correct the books; every unit is explained by the ledger and announced. */
class ReceivingIT extends InventoryIT {

    @Autowired
    Receiving receiving;

    String manager;
    String sku;

    @BeforeEach
    void setUp() {
        manager = fixtures.manager();
        sku = Fixtures.sku("RCV");
    }

    static Map<String, Object> receipt(String sku, Object quantity) {
        return Map.of("sku", sku, "warehouse", Fixtures.MADRID, "quantity", quantity, "reference", "PO-42",
                "note", "pallet 3");
    }

    static Map<String, Object> adjustment(String sku, int quantity, String reason) {
        return Map.of("sku", sku, "warehouse", Fixtures.MADRID, "quantity", quantity, "reason", reason);
    }

    @Test
    void aReceiptAddsUnitsOnHandRecordsTheMovementAndAnnouncesTheNewAvailability() {
        ApiReply reply = api.post("/api/v1/inventory/receipts", manager, receipt(sku, 24)).expect(201);

        JsonNode body = reply.json();
        assertThat(reply.headers().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(body.get("movement").get("kind").asString()).isEqualTo("RECEIPT");
        assertThat(body.get("movement").get("onHandDelta").asInt()).isEqualTo(24);
        assertThat(body.get("movement").get("reservedDelta").asInt()).isZero();
        assertThat(body.get("movement").get("reference").asString()).isEqualTo("PO-42");
        assertThat(body.get("movement").get("note").asString()).isEqualTo("pallet 3");
        assertThat(body.get("movement").get("actor").asString()).isEqualTo("staff-manager");
        assertThat(body.get("stock").get("onHand").asInt()).isEqualTo(24);
        assertThat(body.get("stock").get("available").asInt()).isEqualTo(24);
        assertThat(fixtures.level(sku, Fixtures.MADRID)).isEqualTo(new Fixtures.Level(24, 0));
        assertThat(fixtures.ledger(sku, Fixtures.MADRID)).isEqualTo(new Fixtures.Level(24, 0));

        JsonNode changed = messages().await(Topics.INVENTORY_EVENTS, "inventory.stock_changed", sku, 1).get(0).json();
        assertThat(changed.get("sku").asString()).isEqualTo(sku);
        assertThat(changed.get("available").asInt()).isEqualTo(24);
        assertThat(changed.get("inStock").asBoolean()).isTrue();
        assertThat(changed.get("version").asLong()).isEqualTo(1);
        api.get("/api/v1/inventory/" + sku, null).expect(200);
        assertThat(api.get("/api/v1/inventory/" + sku, null).json().get("available").asInt()).isEqualTo(24);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameWithoutReceivingTwice() {
        String key = UUID.randomUUID().toString();

        ApiReply first = api.post("/api/v1/inventory/receipts", manager, receipt(sku, 5), key).expect(201);
        ApiReply retry = api.post("/api/v1/inventory/receipts", manager, receipt(sku, 5), key).expect(201);

        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(fixtures.level(sku, Fixtures.MADRID).onHand()).isEqualTo(5);
        assertThat(fixtures.movements(sku, "RECEIPT")).isEqualTo(1);

        api.post("/api/v1/inventory/receipts", manager, receipt(sku, 6), key)
                .expectProblem(422, "idempotency-key-reused");
        assertThat(fixtures.level(sku, Fixtures.MADRID).onHand()).isEqualTo(5);

        // Keys belong to their caller: another manager's identical key is another request.
        api.post("/api/v1/inventory/receipts", TestTokens.token("staff-other", "MANAGER"), receipt(sku, 5), key)
                .expect(201);
        assertThat(fixtures.level(sku, Fixtures.MADRID).onHand()).isEqualTo(10);
    }

    @Test
    void aKeyAsLongAsTheFleetAllowsIsKeptAndReplayed() {
        // the same format as checkout and returns: 255 printable ASCII characters
        String key = (UUID.randomUUID() + "!~").repeat(7).substring(0, 255);

        api.post("/api/v1/inventory/receipts", manager, receipt(sku, 4), key).expect(201);
        ApiReply retry = api.post("/api/v1/inventory/receipts", manager, receipt(sku, 4), key).expect(201);

        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(fixtures.level(sku, Fixtures.MADRID).onHand()).isEqualTo(4);
        assertThat(fixtures.movements(sku, "RECEIPT")).isEqualTo(1);
    }

    @Test
    void oneReceiptSentEightTimesAtOnceWithOneKeyIsReceivedOnceAndAnsweredAlike() {
        String key = UUID.randomUUID().toString();

        List<ApiReply> replies = AllAtOnce.run(8,
                i -> api.post("/api/v1/inventory/receipts", manager, receipt(sku, 5), key));

        assertThat(replies).allSatisfy(reply -> reply.expect(201));
        assertThat(replies).extracting(reply -> reply.headers().getFirst("Idempotent-Replayed"))
                .containsOnlyOnce("false").containsOnly("false", "true");
        assertThat(replies).extracting(ApiReply::json).containsOnly(replies.get(0).json());
        assertThat(fixtures.level(sku, Fixtures.MADRID)).isEqualTo(new Fixtures.Level(5, 0));
        assertThat(fixtures.movements(sku, "RECEIPT")).isEqualTo(1);
    }

    @Test
    void adjustmentsAtOnceNeverTakeMoreThanIsAvailable() {
        fixtures.receive(sku, Fixtures.MADRID, 5);

        List<ApiReply> replies = AllAtOnce.run(12,
                i -> api.post("/api/v1/inventory/adjustments", manager, adjustment(sku, -1, "LOST")));

        assertThat(replies).extracting(ApiReply::status).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(5);
        assertThat(fixtures.level(sku, Fixtures.MADRID)).isEqualTo(new Fixtures.Level(0, 0));
        assertThat(fixtures.ledger(sku, Fixtures.MADRID)).isEqualTo(new Fixtures.Level(0, 0));
        assertThat(fixtures.movements(sku, "ADJUSTMENT")).isEqualTo(5);
    }

    @Test
    void adjustmentsCorrectTheBooksWithAReasonAndNeverBelowWhatIsReserved() {
        fixtures.receive(sku, Fixtures.MADRID, 10);
        jdbc.sql("""
                        update stock set reserved = 4
                         where sku = :sku and warehouse_id = (select id from warehouses where code = 'MAD-1')""")
                .param("sku", sku).update();

        api.post("/api/v1/inventory/adjustments", manager, adjustment(sku, -7, "DAMAGED"))
                .expectProblem(409, "insufficient-stock");
        assertThat(fixtures.level(sku, Fixtures.MADRID)).isEqualTo(new Fixtures.Level(10, 4));

        JsonNode taken = api.post("/api/v1/inventory/adjustments", manager, adjustment(sku, -6, "DAMAGED"))
                .expect(201).json();
        assertThat(taken.get("movement").get("kind").asString()).isEqualTo("ADJUSTMENT");
        assertThat(taken.get("movement").get("reason").asString()).isEqualTo("DAMAGED");
        assertThat(taken.get("stock").get("onHand").asInt()).isEqualTo(4);
        assertThat(taken.get("stock").get("available").asInt()).isZero();
        api.post("/api/v1/inventory/adjustments", TestTokens.staff("ADMIN"), adjustment(sku, 3, "FOUND")).expect(201);
        assertThat(fixtures.level(sku, Fixtures.MADRID)).isEqualTo(new Fixtures.Level(7, 4));
    }

    @Test
    void anAdjustmentWithTheSameIdempotencyKeyIsAppliedOnce() {
        fixtures.receive(sku, Fixtures.MADRID, 10);
        String key = "count-2026-03-01";

        api.post("/api/v1/inventory/adjustments", manager, adjustment(sku, -2, "CYCLE_COUNT"), key).expect(201);
        api.post("/api/v1/inventory/adjustments", manager, adjustment(sku, -2, "CYCLE_COUNT"), key).expect(201);
        api.post("/api/v1/inventory/adjustments", manager, adjustment(sku, -2, "LOST"), key)
                .expectProblem(422, "idempotency-key-reused");

        assertThat(fixtures.level(sku, Fixtures.MADRID).onHand()).isEqualTo(8);
    }

    @Test
    void aFailedRequestKeepsNoAnswerSoItsRetryRunsAfresh() {
        String key = UUID.randomUUID().toString();

        api.post("/api/v1/inventory/adjustments", manager, adjustment(sku, -1, "LOST"), key)
                .expectProblem(409, "insufficient-stock");
        fixtures.receive(sku, Fixtures.MADRID, 3);
        api.post("/api/v1/inventory/adjustments", manager, adjustment(sku, -1, "LOST"), key).expect(201);

        assertThat(fixtures.level(sku, Fixtures.MADRID).onHand()).isEqualTo(2);
    }

    @Test
    void stockCanBeReceivedIntoAnyWarehouseButNotAnUnknownOne() {
        String warehouse = fixtures.warehouse(50);
        api.post("/api/v1/inventory/receipts", manager, Map.of("sku", sku, "warehouse", warehouse, "quantity", 2))
                .expect(201);

        ApiReply unknown = api.post("/api/v1/inventory/receipts", manager,
                Map.of("sku", sku, "warehouse", "NOWHERE-9", "quantity", 2)).expectProblem(422, "unprocessable");
        assertThat(unknown.errorFields()).containsExactly("warehouse");
        assertThat(fixtures.level(sku, warehouse).onHand()).isEqualTo(2);
    }

    @Test
    void noSkuHoldsMoreUnitsOverAllWarehousesThanItsAvailabilityCanCount() {
        // Each row may hold a billion; three of them could hold more than an int counts.
        List<String> warehouses = List.of(fixtures.warehouse(70), fixtures.warehouse(71), fixtures.warehouse(72));
        receiving.receive(new Receiving.Receipt(sku, warehouses.get(0), 1_000_000_000, "PO-BULK", null), "staff-manager", null);
        receiving.receive(new Receiving.Receipt(sku, warehouses.get(1), 1_000_000_000, "PO-BULK", null), "staff-manager", null);
        int rest = Integer.MAX_VALUE - 2_000_000_000;
        receiving.receive(new Receiving.Receipt(sku, warehouses.get(2), rest, "PO-BULK", null), "staff-manager", null);

        assertThat(api.post("/api/v1/inventory/receipts", manager,
                Map.of("sku", sku, "warehouse", warehouses.get(2), "quantity", 1)).expectProblem(400, "validation")
                .errorFields()).containsExactly("quantity");
        assertThat(api.post("/api/v1/inventory/adjustments", manager,
                Map.of("sku", sku, "warehouse", warehouses.get(2), "quantity", 1, "reason", "FOUND"))
                .expectProblem(400, "validation").errorFields()).containsExactly("quantity");

        assertThat(fixtures.level(sku, warehouses.get(2))).isEqualTo(new Fixtures.Level(rest, 0));
        assertThat(fixtures.level(sku, warehouses.get(0))).isEqualTo(new Fixtures.Level(1_000_000_000, 0));
        assertThat(fixtures.movements(sku, "RECEIPT")).isEqualTo(3);
        assertThat(fixtures.movements(sku, "ADJUSTMENT")).isZero();
        assertThat(api.get("/api/v1/inventory/" + sku, null).expect(200).json().get("available").asLong())
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(jdbc.sql("select available from sku_availability where sku = :sku").param("sku", sku)
                .query(Integer.class).single()).isEqualTo(Integer.MAX_VALUE);
        // Taking units away is still fine, and then there is room again.
        api.post("/api/v1/inventory/adjustments", manager,
                Map.of("sku", sku, "warehouse", warehouses.get(0), "quantity", -3, "reason", "DAMAGED")).expect(201);
        api.post("/api/v1/inventory/receipts", manager,
                Map.of("sku", sku, "warehouse", warehouses.get(2), "quantity", 3)).expect(201);
        assertThat(fixtures.level(sku, warehouses.get(2))).isEqualTo(new Fixtures.Level(rest + 3, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"warehouse\":\"MAD-1\",\"quantity\":1}",
            "{\"sku\":\"bad sku\",\"warehouse\":\"MAD-1\",\"quantity\":1}",
            "{\"sku\":\"%s\",\"warehouse\":\"mad-1\",\"quantity\":1}",
            "{\"sku\":\"%s\",\"warehouse\":\"MAD-1\",\"quantity\":0}",
            "{\"sku\":\"%s\",\"warehouse\":\"MAD-1\",\"quantity\":-3}",
            "{\"sku\":\"%s\",\"warehouse\":\"MAD-1\",\"quantity\":1000001}",
            "{\"sku\":\"%s\",\"warehouse\":\"MAD-1\",\"quantity\":\"ten\"}",
            "{\"sku\":\"%s\",\"warehouse\":\"MAD-1\",\"quantity\":99999999999}",
            "{\"sku\":\"%s\",\"warehouse\":\"MAD-1\",\"quantity\":1,\"reference\":\"%s\"}",
            "{\"sku\":\"%s\",\"warehouse\":\"MAD-1\"",
            "[]",
            ""})
    void aBadReceiptIsAClientProblemAndChangesNothing(String template) {
        String body = template.formatted(sku, "R".repeat(201));

        ApiReply reply = api.send(HttpMethod.POST, "/api/v1/inventory/receipts", manager, body, Map.of());

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).startsWith("https://tienda.io/problems/");
        assertThat(jdbc.sql("select count(*) from stock where sku = :sku").param("sku", sku).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void validationProblemsNameTheFields() {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", sku);
        body.put("warehouse", "MAD-1");
        body.put("quantity", 0);
        assertThat(api.post("/api/v1/inventory/adjustments", manager, body).expectProblem(400, "validation")
                .errorFields()).containsExactly("quantity", "reason");
        body.put("reason", "DAMAGED");
        assertThat(api.post("/api/v1/inventory/adjustments", manager, body).expectProblem(400, "validation")
                .errorFields()).containsExactly("quantity");
        body.put("reason", "BORED");
        api.post("/api/v1/inventory/adjustments", manager, body).expect(400);
        for (String key : List.of("x".repeat(256), "has space", "tab\there")) {
            assertThat(api.send(HttpMethod.POST, "/api/v1/inventory/receipts", manager, receipt(sku, 1),
                    Map.of("Idempotency-Key", key)).expectProblem(400, "validation").errorFields())
                    .as(key).containsExactly("Idempotency-Key");
        }
        assertThat(jdbc.sql("select count(*) from stock where sku = :sku").param("sku", sku).query(Integer.class)
                .single()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/inventory/receipts", "/api/v1/inventory/adjustments"})
    void onlyManagersAndAdminsMoveStock(String path) {
        Map<String, Object> body = path.endsWith("receipts") ? receipt(sku, 1) : adjustment(sku, 1, "FOUND");

        api.post(path, null, body).expectProblem(401, "unauthorized");
        api.post(path, TestTokens.customer("c-1"), body).expectProblem(403, "forbidden");
        api.post(path, TestTokens.staff("SUPPORT"), body).expectProblem(403, "forbidden");
        api.post(path, TestTokens.staff("ANALYST"), body).expectProblem(403, "forbidden");
        assertThat(jdbc.sql("select count(*) from stock where sku = :sku").param("sku", sku).query(Integer.class)
                .single()).isZero();
        api.post(path, TestTokens.staff("MANAGER"), body).expect(201);
        api.post(path, TestTokens.staff("ADMIN"), body).expect(201);
    }

    @Test
    void theLedgerListsEveryMovementNewestFirst() {
        String other = fixtures.warehouse(60);
        fixtures.receive(sku, Fixtures.MADRID, 10);
        fixtures.receive(sku, other, 4);
        api.post("/api/v1/inventory/adjustments", manager, adjustment(sku, -1, "DAMAGED")).expect(201);

        JsonNode page = api.get("/api/v1/inventory/" + sku + "/movements?size=2", TestTokens.staff("SUPPORT"))
                .expect(200).json();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items").valueStream().map(m -> m.get("kind").asString()))
                .containsExactly("ADJUSTMENT", "RECEIPT");
        assertThat(page.get("items").get(1).get("warehouse").asString()).isEqualTo(other);
        JsonNode madrid = api.get("/api/v1/inventory/" + sku + "/movements?warehouse=MAD-1", manager)
                .expect(200).json();
        assertThat(madrid.get("items").valueStream().map(m -> m.get("onHandDelta").asInt())).containsExactly(-1, 10);
    }

    @Test
    void lowStockIsAnnouncedWhenARowCrossesItsReorderPointNotWhileItStaysBelow() {
        fixtures.receive(sku, Fixtures.MADRID, 10);
        fixtures.reorderPolicy(sku, Fixtures.MADRID, 5, 40);

        api.post("/api/v1/inventory/adjustments", manager, adjustment(sku, -5, "DAMAGED")).expect(201);
        api.post("/api/v1/inventory/adjustments", manager, adjustment(sku, -1, "DAMAGED")).expect(201);
        fixtures.receive(sku, Fixtures.MADRID, 10);
        api.post("/api/v1/inventory/adjustments", manager, adjustment(sku, -12, "LOST")).expect(201);

        List<EventMessages.Published> low = messages().await(Topics.INVENTORY_EVENTS, "inventory.low_stock", sku, 2);
        assertThat(messages().all(Topics.INVENTORY_EVENTS, sku).stream()
                .filter(p -> p.type().equals("inventory.low_stock"))).hasSize(2);
        JsonNode first = low.get(0).json();
        assertThat(first.get("warehouse").asString()).isEqualTo(Fixtures.MADRID);
        assertThat(first.get("onHand").asInt()).isEqualTo(5);
        assertThat(first.get("available").asInt()).isEqualTo(5);
        assertThat(first.get("reorderPoint").asInt()).isEqualTo(5);
        assertThat(first.get("reorderQuantity").asInt()).isEqualTo(40);
        assertThat(low.get(1).json().get("available").asInt()).isEqualTo(2);

        List<EventMessages.Published> changes = messages().await(Topics.INVENTORY_EVENTS, "inventory.stock_changed", sku, 5);
        assertThat(changes.stream().map(p -> p.json().get("available").asInt())).containsExactly(10, 5, 4, 14, 2);
        assertThat(changes.stream().map(p -> p.json().get("version").asLong())).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void raisingTheReorderPointAboveWhatIsAvailableIsACrossingToo() {
        fixtures.receive(sku, Fixtures.MADRID, 8);

        JsonNode level = api.put("/api/v1/inventory/" + sku + "/reorder-policy", manager,
                Map.of("warehouse", "MAD-1", "reorderPoint", 8, "reorderQuantity", 30)).expect(200).json();

        assertThat(level.get("lowStock").asBoolean()).isTrue();
        assertThat(messages().await(Topics.INVENTORY_EVENTS, "inventory.low_stock", sku, 1)).hasSize(1);
        api.put("/api/v1/inventory/" + Fixtures.sku("NONE") + "/reorder-policy", manager,
                Map.of("warehouse", "MAD-1", "reorderPoint", 8, "reorderQuantity", 30)).expectProblem(404, "not-found");
        api.put("/api/v1/inventory/" + sku + "/reorder-policy", manager,
                Map.of("warehouse", "NOWHERE-1", "reorderPoint", 8, "reorderQuantity", 30))
                .expectProblem(422, "unprocessable");
        api.put("/api/v1/inventory/" + sku + "/reorder-policy", manager,
                Map.of("warehouse", "MAD-1", "reorderPoint", -1, "reorderQuantity", 30))
                .expectProblem(400, "validation");
        api.put("/api/v1/inventory/" + sku + "/reorder-policy", TestTokens.staff("SUPPORT"),
                Map.of("warehouse", "MAD-1", "reorderPoint", 1, "reorderQuantity", 30)).expectProblem(403, "forbidden");
    }
}
