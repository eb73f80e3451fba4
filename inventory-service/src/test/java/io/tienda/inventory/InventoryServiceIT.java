package io.tienda.inventory;

import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@TiendaInfra(value = {Store.POSTGRES, Store.KAFKA}, database = "inventory")
class InventoryServiceIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    /** The staff views list everything, so every test starts from empty tables. */
    @BeforeEach
    void emptyTables() {
        jdbc.sql("delete from stock_movements").update();
        jdbc.sql("delete from stock").update();
        jdbc.sql("delete from warehouses").update();
    }

    @Test
    void availabilityIsOnHandMinusReservedOverTheActiveWarehousesForAnyone() {
        UUID madrid = insertWarehouse("MAD-1", true);
        UUID lima = insertWarehouse("LIM-1", true);
        UUID closed = insertWarehouse("OLD-1", false);
        insertStock("TSHIRT-RED-M", madrid, 10, 2, 0);
        insertStock("TSHIRT-RED-M", lima, 5, 0, 0);
        insertStock("TSHIRT-RED-M", closed, 100, 0, 0);

        http.get().uri("/api/v1/inventory/TSHIRT-RED-M")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .json("""
                        {"sku": "TSHIRT-RED-M", "available": 13, "inStock": true}""");
    }

    @Test
    void aFullyReservedSkuIsNotInStock() {
        insertStock("MUG-1", insertWarehouse("MAD-1", true), 3, 3, 0);

        http.get().uri("/api/v1/inventory/MUG-1")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .json("""
                        {"sku": "MUG-1", "available": 0, "inStock": false}""");
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
    void managersListStockBySkuAndWarehouse() {
        UUID madrid = insertWarehouse("MAD-1", true);
        UUID lima = insertWarehouse("LIM-1", true);
        insertStock("B-SKU", madrid, 5, 2, 3);
        insertStock("A-SKU", madrid, 10, 0, 5);
        insertStock("A-SKU", lima, 7, 1, 2);

        http.get().uri("/api/v1/inventory?size=2").headers(h -> h.setBearerAuth(staff("MANAGER")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].sku").isEqualTo("A-SKU")
                .jsonPath("$.items[0].warehouse").isEqualTo("LIM-1")
                .jsonPath("$.items[0].onHand").isEqualTo(7)
                .jsonPath("$.items[0].reserved").isEqualTo(1)
                .jsonPath("$.items[0].available").isEqualTo(6)
                .jsonPath("$.items[0].reorderPoint").isEqualTo(2)
                .jsonPath("$.items[0].reorderQuantity").isEqualTo(50)
                .jsonPath("$.items[0].lowStock").isEqualTo(false)
                .jsonPath("$.items[1].warehouse").isEqualTo("MAD-1");
        http.get().uri("/api/v1/inventory?size=2&page=1").headers(h -> h.setBearerAuth(staff("ADMIN")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].sku").isEqualTo("B-SKU")
                .jsonPath("$.items[0].lowStock").isEqualTo(true);
    }

    @Test
    void lowStockListsTheRowsAtOrBelowTheirReorderPoint() {
        UUID madrid = insertWarehouse("MAD-1", true);
        insertStock("PLENTY", madrid, 10, 0, 5);
        insertStock("AT-POINT", madrid, 5, 2, 3);
        insertStock("EMPTY", madrid, 0, 0, 0);

        assertThat(skus("/api/v1/inventory?lowStock=true")).containsExactly("AT-POINT", "EMPTY");
        assertThat(skus("/api/v1/inventory?lowStock=false")).containsExactly("PLENTY");
        assertThat(skus("/api/v1/inventory")).containsExactly("AT-POINT", "EMPTY", "PLENTY");
    }

    @Test
    void managersListWarehousesByCode() {
        UUID lima = insertWarehouse("LIM-1", true);
        insertWarehouse("MAD-1", false);

        http.get().uri("/api/v1/warehouses").headers(h -> h.setBearerAuth(staff("ADMIN")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(lima.toString())
                .jsonPath("$.items[0].code").isEqualTo("LIM-1")
                .jsonPath("$.items[0].name").isEqualTo("Warehouse LIM-1")
                .jsonPath("$.items[0].active").isEqualTo(true)
                .jsonPath("$.items[1].code").isEqualTo("MAD-1")
                .jsonPath("$.items[1].active").isEqualTo(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/inventory", "/api/v1/warehouses"})
    void theStaffViewsNeedAManagerOrAdmin(String path) {
        expectProblem(http.get().uri(path).exchange(), 401, "unauthorized");
        expectProblem(http.get().uri(path).headers(h -> h.setBearerAuth(customer("c-1")))
                .exchange(), 403, "forbidden");
        expectProblem(http.get().uri(path).headers(h -> h.setBearerAuth(staff("SUPPORT"))).exchange(), 403,
                "forbidden");
        http.get().uri(path).headers(h -> h.setBearerAuth(staff("MANAGER"))).exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/inventory?lowStock=maybe", "/api/v1/inventory?page=-1",
            "/api/v1/inventory?size=0", "/api/v1/inventory?size=101", "/api/v1/warehouses?page=x",
            "/api/v1/warehouses?size=1000"})
    void badParametersAreBadRequestProblems(String path) {
        expectProblem(http.get().uri(path).headers(h -> h.setBearerAuth(staff("MANAGER"))).exchange(), 400);
    }

    @Test
    void theTablesRefuseToOversellOrToRecordImpossibleMovements() {
        UUID madrid = insertWarehouse("MAD-1", true);
        insertStock("SKU-1", madrid, 2, 0, 0);

        assertThatThrownBy(() -> jdbc.sql("update stock set reserved = 3 where sku = 'SKU-1'").update())
                .as("more reserved than on hand").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update stock set on_hand = -1, reserved = 0 where sku = 'SKU-1'").update())
                .as("negative stock").isInstanceOf(DataIntegrityViolationException.class);
        insertMovement("SKU-1", madrid, "RESERVATION", 0, 1);
        assertThatThrownBy(() -> insertMovement("SKU-1", madrid, "RESERVATION", -1, 0))
                .as("a reservation that removes stock").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertMovement("SKU-1", madrid, "COMMIT", -1, 0))
                .as("a commit that does not consume its reservation")
                .isInstanceOf(DataIntegrityViolationException.class);
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
        expectDocumented(http, "/api/v1/inventory/{sku}", "/api/v1/inventory", "/api/v1/warehouses");
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

    private void insertMovement(String sku, UUID warehouse, String kind, int onHandDelta, int reservedDelta) {
        jdbc.sql("""
                        insert into stock_movements (id, sku, warehouse_id, kind, on_hand_delta, reserved_delta, actor)
                        values (:id, :sku, :warehouse, :kind, :onHand, :reserved, 'test')""")
                .param("id", UUID.randomUUID()).param("sku", sku).param("warehouse", warehouse).param("kind", kind)
                .param("onHand", onHandDelta).param("reserved", reservedDelta)
                .update();
    }
}
