package io.tienda.inventory.stock;

import io.tienda.inventory.reservation.messaging.InventoryCommands;
import io.tienda.inventory.support.Fixtures;
import io.tienda.inventory.support.Fixtures.Level;
import io.tienda.inventory.support.InventoryIT;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.RestockItems;
import io.tienda.platform.events.saga.StockLine;
import io.tienda.platform.messaging.InboundMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Returned units put back on sale by returns-service's {@code inventory.restock}: into the warehouse
 * that ships first, or the one closed last while none is open, as RESTOCK movements with the RMA as
 * reference, once per restock key.
 */
class RestockIT extends InventoryIT {

    @Autowired
    InventoryCommands commands;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aRestockCommandOnKafkaPutsTheUnitsBackOnceHoweverOftenItArrives() {
        String warehouse = firstWarehouse();
        String shirt = Fixtures.sku("RS");
        String mug = Fixtures.sku("RM");
        fixtures.receive(shirt, warehouse, 4);
        String key = "return:" + UUID.randomUUID();
        RestockItems restock = new RestockItems(key, "RMA-2026-000042",
                List.of(new StockLine(shirt, 2), new StockLine(mug, 1)));

        UUID eventId = messages().send(Topics.INVENTORY_COMMANDS, key, restock);
        messages().send(Topics.INVENTORY_COMMANDS, key, eventId, restock);      // redelivered
        messages().send(Topics.INVENTORY_COMMANDS, key, restock);               // sent again, new event id

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(fixtures.level(shirt, warehouse)).isEqualTo(new Level(6, 0)));
        assertThat(messages().await(Topics.INVENTORY_EVENTS, "inventory.stock_changed", mug, 1).get(0).json()
                .get("available").asInt()).isEqualTo(1);
        // the replays are behind the first on the same partition; once a later restock is applied they are done
        String marker = Fixtures.sku("RX");
        messages().send(Topics.INVENTORY_COMMANDS, key, new RestockItems("return:" + UUID.randomUUID(), "RMA-marker",
                List.of(new StockLine(marker, 1))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(fixtures.level(marker, warehouse)).isEqualTo(new Level(1, 0)));

        assertThat(fixtures.level(shirt, warehouse)).isEqualTo(new Level(6, 0));
        assertThat(fixtures.level(mug, warehouse)).isEqualTo(new Level(1, 0));
        assertThat(fixtures.ledger(shirt, warehouse)).isEqualTo(new Level(6, 0));
        assertThat(fixtures.movements(shirt, "RESTOCK")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from stock_movements where reference = 'RMA-2026-000042' and kind = 'RESTOCK'")
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aRestockHandedToTheHandlerTwiceMovesStockOnce() {
        String warehouse = firstWarehouse();
        String sku = Fixtures.sku("RH");
        RestockItems restock = new RestockItems("return:" + UUID.randomUUID(), "RMA-2026-000043",
                List.of(new StockLine(sku, 3)));

        commands.handle(InboundMessage.of(Topics.INVENTORY_COMMANDS, restock, UUID.randomUUID(), "k"));
        commands.handle(InboundMessage.of(Topics.INVENTORY_COMMANDS, restock, UUID.randomUUID(), "k"));

        assertThat(fixtures.level(sku, warehouse)).isEqualTo(new Level(3, 0));
        assertThat(fixtures.movements(sku, "RESTOCK")).isEqualTo(1);
    }

    @Test
    void aRestockNeverLandsInAWarehouseThatClosedWhileItWasChoosingOne() throws Exception {
        String closing = fixtures.warehouse(0);
        String sku = Fixtures.sku("RC");
        RestockItems restock = new RestockItems("return:" + UUID.randomUUID(), "RMA-2026-000044",
                List.of(new StockLine(sku, 2)));
        List<CompletableFuture<Void>> restocking = new ArrayList<>();

        transactions.executeWithoutResult(status -> {
            // The close's status transaction, not committed yet, while the restock chooses where to go.
            jdbc.sql("update warehouses set active = false where code = :code").param("code", closing).update();
            restocking.add(CompletableFuture.runAsync(() ->
                    commands.handle(InboundMessage.of(Topics.INVENTORY_COMMANDS, restock, UUID.randomUUID(), "k"))));
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    restocking.get(0).isDone() || choosingAWarehouseWaitsForALock());
        });
        restocking.get(0).get(20, TimeUnit.SECONDS);

        String first = firstWarehouse();
        assertThat(first).isNotEqualTo(closing);
        assertThat(jdbc.sql("""
                        select count(*) from stock s join warehouses w on w.id = s.warehouse_id
                         where s.sku = :sku and w.code = :code""")
                .param("sku", sku).param("code", closing).query(Integer.class).single()).isZero();
        assertThat(fixtures.level(sku, first)).isEqualTo(new Level(2, 0));
        assertThat(fixtures.ledger(sku, first)).isEqualTo(new Level(2, 0));
    }

    @Test
    void withNoWarehouseOpenARestockIsReceivedIntoTheOneClosedLastAndSoldWhenItReopens() {
        String closedLast = fixtures.warehouse(9000);
        List<String> open = jdbc.sql("select code from warehouses where active and code <> :code order by code")
                .param("code", closedLast).query(String.class).list();
        String sku = Fixtures.sku("RN");
        String key = "return:" + UUID.randomUUID();
        RestockItems restock = new RestockItems(key, "RMA-2026-000045", List.of(new StockLine(sku, 2)));
        try {
            open.forEach(code -> setActive(code, false));
            setActive(closedLast, false);

            messages().send(Topics.INVENTORY_COMMANDS, key, restock);

            // the row is created by the restock
            await().atMost(Duration.ofSeconds(20)).ignoreException(EmptyResultDataAccessException.class)
                    .untilAsserted(() -> assertThat(fixtures.level(sku, closedLast)).isEqualTo(new Level(2, 0)));
            assertThat(fixtures.ledger(sku, closedLast)).isEqualTo(new Level(2, 0));
            assertThat(jdbc.sql("select count(*) from stock_movements where reference = 'RMA-2026-000045' and kind = 'RESTOCK'")
                    .query(Integer.class).single()).isEqualTo(1);
            assertThat(messages().all(Topics.deadLetter(Topics.INVENTORY_COMMANDS), key)).isEmpty();
            // on the books, but a closed warehouse sells nothing
            assertThat(available(sku)).isZero();

            setActive(closedLast, true);
            assertThat(available(sku)).isEqualTo(2);
            awaitRecomputed(closedLast);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(messages().all(Topics.INVENTORY_EVENTS, sku))
                            .filteredOn(p -> p.type().equals("inventory.stock_changed"))
                            .last().satisfies(p -> assertThat(p.json().get("available").asInt()).isEqualTo(2)));
        } finally {
            open.forEach(code -> setActive(code, true));
            open.forEach(this::awaitRecomputed);
        }
    }

    private void setActive(String code, boolean active) {
        api.patch("/api/v1/warehouses/" + code, fixtures.manager(), Map.of("active", active)).expect(200);
    }

    private void awaitRecomputed(String code) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("/api/v1/warehouses/" + code, fixtures.manager())
                .json().get("availabilityPending").asBoolean());
    }

    private int available(String sku) {
        return api.get("/api/v1/inventory/" + sku, null).json().get("available").asInt();
    }

    private boolean choosingAWarehouseWaitsForALock() {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                         where pid <> pg_backend_pid() and wait_event_type = 'Lock'
                           and query like '%from warehouses where active%'""")
                .query(Integer.class).single() > 0;
    }

    /** The active warehouse of the lowest priority number: other tests add warehouses of their own. */
    private String firstWarehouse() {
        return jdbc.sql("select code from warehouses where active order by priority, code limit 1")
                .query(String.class).single();
    }
}
