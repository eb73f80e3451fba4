package io.tienda.inventory;

import io.tienda.inventory.support.Fixtures;
import io.tienda.inventory.support.InventoryServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;
import java.util.UUID;

import static io.tienda.platform.testing.ServiceChecks.expectDocumented;
import static io.tienda.platform.testing.ServiceChecks.expectProblem;
import static io.tienda.platform.testing.ServiceChecks.expectReady;
import static io.tienda.platform.testing.ServiceChecks.expectTopicsWithDeadLetters;
import static io.tienda.platform.testing.security.TestTokens.customer;
import static io.tienda.platform.testing.security.TestTokens.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** inventory-service against real PostgreSQL and Kafka: availability, the staff stock views, and its stores. */
@InventoryServiceTest
class InventoryServiceIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    String prefix;

    @BeforeEach
    void uniqueSkus() {
        prefix = Fixtures.sku("V");
    }

    @Test
    void availabilityIsOnHandMinusReservedOverTheActiveWarehousesForAnyone() {
        UUID madrid = insertWarehouse(Fixtures.warehouseCode(), true);
        UUID lima = insertWarehouse(Fixtures.warehouseCode(), true);
        UUID closed = insertWarehouse(Fixtures.warehouseCode(), false);
        String sku = prefix + "-TSHIRT-RED-M";
        insertStock(sku, madrid, 10, 2, 0);
        insertStock(sku, lima, 5, 0, 0);
        insertStock(sku, closed, 100, 0, 0);

        http.get().uri("/api/v1/inventory/" + sku)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .json("""
                        {"sku": "%s", "available": 13, "inStock": true}""".formatted(sku));
    }

    @Test
    void aFullyReservedSkuIsNotInStock() {
        String sku = prefix + "-MUG";
        insertStock(sku, insertWarehouse(Fixtures.warehouseCode(), true), 3, 3, 0);

        http.get().uri("/api/v1/inventory/" + sku)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .json("""
                        {"sku": "%s", "available": 0, "inStock": false}""".formatted(sku));
    }

    @Test
    void aSkuNobodyStockedHasNothingAvailableRatherThanBeingAnError() {
        http.get().uri("/api/v1/inventory/NEVER-STOCKED.42")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .json("""
                        {"sku": "NEVER-STOCKED.42", "available": 0, "inStock": false}""");
    }

    /** The longest SKU is 64 characters; the last one here has 65. */
    @ParameterizedTest
    @ValueSource(strings = {"has space", "-leading-dash", "semi;colon",
            "S0123456789012345678901234567890123456789012345678901234567890123"})
    void aMalformedSkuIsABadRequestProblem(String sku) {
        http.get().uri("/api/v1/inventory/{sku}", sku)
                .exchange()
                .expectStatus().isEqualTo(400)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
    }

    @Test
    void staffListStockBySkuAndWarehouseFilteredBySkuPrefix() {
        String madridCode = "A" + Fixtures.warehouseCode();
        String limaCode = "B" + Fixtures.warehouseCode();
        UUID madrid = insertWarehouse(madridCode, true);
        UUID lima = insertWarehouse(limaCode, true);
        insertStock(prefix + "-B", madrid, 5, 2, 3);
        insertStock(prefix + "-A", madrid, 10, 0, 5);
        insertStock(prefix + "-A", lima, 7, 1, 2);

        http.get().uri("/api/v1/inventory?size=2&sku=" + prefix).headers(h -> h.setBearerAuth(staff("MANAGER")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].sku").isEqualTo(prefix + "-A")
                .jsonPath("$.items[0].warehouse").isEqualTo(madridCode)
                .jsonPath("$.items[0].warehouseActive").isEqualTo(true)
                .jsonPath("$.items[0].onHand").isEqualTo(10)
                .jsonPath("$.items[0].reserved").isEqualTo(0)
                .jsonPath("$.items[0].available").isEqualTo(10)
                .jsonPath("$.items[0].reorderPoint").isEqualTo(5)
                .jsonPath("$.items[0].reorderQuantity").isEqualTo(50)
                .jsonPath("$.items[0].lowStock").isEqualTo(false)
                .jsonPath("$.items[1].warehouse").isEqualTo(limaCode);
        http.get().uri("/api/v1/inventory?size=2&page=1&sku=" + prefix).headers(h -> h.setBearerAuth(staff("SUPPORT")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].sku").isEqualTo(prefix + "-B")
                .jsonPath("$.items[0].lowStock").isEqualTo(true);
        http.get().uri("/api/v1/inventory?sku=" + prefix + "&warehouse=" + limaCode)
                .headers(h -> h.setBearerAuth(staff("ADMIN")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].onHand").isEqualTo(7);
    }

    @Test
    void aSkuPrefixIsLiteralNotAPattern() {
        UUID warehouse = insertWarehouse(Fixtures.warehouseCode(), true);
        insertStock(prefix + "_X", warehouse, 1, 0, 0);
        insertStock(prefix + "QX", warehouse, 1, 0, 0);

        assertThat(skus("/api/v1/inventory?sku=" + prefix + "_")).containsExactly(prefix + "_X");
    }

    @Test
    void lowStockListsTheRowsAtOrBelowTheirReorderPoint() {
        UUID warehouse = insertWarehouse(Fixtures.warehouseCode(), true);
        insertStock(prefix + "-PLENTY", warehouse, 10, 0, 5);
        insertStock(prefix + "-AT-POINT", warehouse, 5, 2, 3);
        insertStock(prefix + "-EMPTY", warehouse, 0, 0, 0);

        assertThat(skus("/api/v1/inventory?lowStock=true&sku=" + prefix))
                .containsExactly(prefix + "-AT-POINT", prefix + "-EMPTY");
        assertThat(skus("/api/v1/inventory?lowStock=false&sku=" + prefix)).containsExactly(prefix + "-PLENTY");
        assertThat(skus("/api/v1/inventory?sku=" + prefix))
                .containsExactly(prefix + "-AT-POINT", prefix + "-EMPTY", prefix + "-PLENTY");
    }

    @Test
    void theDefaultWarehouseExistsFromTheStart() {
        http.get().uri("/api/v1/warehouses/MAD-1").headers(h -> h.setBearerAuth(staff("SUPPORT")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.code").isEqualTo("MAD-1")
                .jsonPath("$.name").isEqualTo("Madrid central")
                .jsonPath("$.priority").isEqualTo(10)
                .jsonPath("$.active").isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/inventory", "/api/v1/warehouses", "/api/v1/inventory/SKU-1/movements",
            "/api/v1/warehouses/MAD-1"})
    void theStaffViewsAreForSupportManagersAndAdmins(String path) {
        expectProblem(http.get().uri(path).exchange(), 401, "unauthorized");
        expectProblem(http.get().uri(path).headers(h -> h.setBearerAuth(customer("c-1"))).exchange(), 403,
                "forbidden");
        expectProblem(http.get().uri(path).headers(h -> h.setBearerAuth(staff("ANALYST"))).exchange(), 403,
                "forbidden");
        for (String role : List.of("SUPPORT", "MANAGER", "ADMIN")) {
            http.get().uri(path).headers(h -> h.setBearerAuth(staff(role))).exchange().expectStatus().isOk();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/inventory?lowStock=maybe", "/api/v1/inventory?page=-1",
            "/api/v1/inventory?size=0", "/api/v1/inventory?size=101", "/api/v1/inventory?sku=bad%20sku",
            "/api/v1/inventory?warehouse=mad-1", "/api/v1/warehouses?page=x", "/api/v1/warehouses?size=1000",
            "/api/v1/warehouses?active=perhaps", "/api/v1/inventory/SKU-1/movements?size=0",
            "/api/v1/inventory/SKU-1/movements?warehouse=no%20such"})
    void badParametersAreBadRequestProblems(String path) {
        expectProblem(http.get().uri(path).headers(h -> h.setBearerAuth(staff("MANAGER"))).exchange(), 400);
    }

    @Test
    void theTablesRefuseToOversellOrToRecordImpossibleMovements() {
        UUID warehouse = insertWarehouse(Fixtures.warehouseCode(), true);
        String sku = prefix + "-1";
        insertStock(sku, warehouse, 2, 0, 0);

        assertThatThrownBy(() -> jdbc.sql("update stock set reserved = 3 where sku = :sku").param("sku", sku).update())
                .as("more reserved than on hand").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update stock set on_hand = -1, reserved = 0 where sku = :sku")
                .param("sku", sku).update())
                .as("negative stock").isInstanceOf(DataIntegrityViolationException.class);
        insertMovement(sku, warehouse, "RESERVATION", 0, 1, null);
        assertThatThrownBy(() -> insertMovement(sku, warehouse, "RESERVATION", -1, 0, null))
                .as("a reservation that removes stock").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertMovement(sku, warehouse, "COMMIT", -1, 0, null))
                .as("a commit that does not consume its reservation")
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertMovement(sku, warehouse, "ADJUSTMENT", -1, 0, null))
                .as("an adjustment without a reason").isInstanceOf(DataIntegrityViolationException.class);
        insertMovement(sku, warehouse, "ADJUSTMENT", -1, 0, "DAMAGED");
    }

    @Test
    void readinessReportsTheDatabase() {
        expectReady(http, "db");
    }

    @Test
    void theTopicItWritesExistsWithItsDeadLetterTopic() {
        expectTopicsWithDeadLetters(environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                "inventory.events");
    }

    @Test
    void theEndpointsAreDocumented() {
        expectDocumented(http, "/api/v1/inventory/{sku}", "/api/v1/inventory", "/api/v1/inventory/{sku}/movements",
                "/api/v1/inventory/{sku}/forecast", "/api/v1/warehouses", "/api/v1/warehouses/{code}");
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/inventory/receipts'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/inventory/adjustments'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/inventory/{sku}/reorder-policy'].put.summary").exists()
                .jsonPath("$.paths['/api/v1/warehouses'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/warehouses/{code}'].patch.summary").exists();
    }

    private List<String> skus(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(staff("MANAGER")))
                .exchange()
                .expectStatus().isOk()
                .expectBody(StockPage.class)
                .returnResult().getResponseBody()
                .items().stream().map(StockRow::sku).toList();
    }

    record StockPage(List<StockRow> items) {
    }

    record StockRow(String sku) {
    }

    private UUID insertWarehouse(String code, boolean active) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into warehouses (id, code, name, active) values (:id, :code, :name, :active)")
                .param("id", id).param("code", code).param("name", "Warehouse " + code).param("active", active)
                .update();
        return id;
    }

    private void insertStock(String sku, UUID warehouse, int onHand, int reserved, int reorderPoint) {
        jdbc.sql("""
                        insert into stock (sku, warehouse_id, on_hand, reserved, reorder_point, reorder_quantity)
                        values (:sku, :warehouse, :onHand, :reserved, :reorderPoint, 50)""")
                .param("sku", sku).param("warehouse", warehouse).param("onHand", onHand)
                .param("reserved", reserved).param("reorderPoint", reorderPoint)
                .update();
    }

    private void insertMovement(String sku, UUID warehouse, String kind, int onHandDelta, int reservedDelta,
            String reason) {
        jdbc.sql("""
                        insert into stock_movements (id, sku, warehouse_id, kind, on_hand_delta, reserved_delta, actor,
                                                     reason)
                        values (:id, :sku, :warehouse, :kind, :onHand, :reserved, 'test', :reason)""")
                .param("id", UUID.randomUUID()).param("sku", sku).param("warehouse", warehouse).param("kind", kind)
                .param("onHand", onHandDelta).param("reserved", reservedDelta).param("reason", reason)
                .update();
    }
}
