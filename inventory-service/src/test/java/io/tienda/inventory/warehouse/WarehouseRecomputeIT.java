package io.tienda.inventory.warehouse;

import io.tienda.inventory.InventoryProperties;
import io.tienda.inventory.reservation.messaging.InventoryCommands;
import io.tienda.inventory.stock.LockedStock;
import io.tienda.inventory.stock.StockLedger;
import io.tienda.inventory.stock.domain.MovementKind;
import io.tienda.inventory.stock.domain.MovementSource;
import io.tienda.inventory.stock.domain.StockKey;
import io.tienda.inventory.support.Fixtures;
import io.tienda.inventory.support.Fixtures.Level;
import io.tienda.inventory.support.InventoryIT;
import io.tienda.inventory.support.Saga;
import io.tienda.platform.events.ContractValidator;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.StockRejected;
import io.tienda.platform.events.saga.StockReserved;
import io.tienda.platform.testing.AllAtOnce;
import io.tienda.platform.testing.KafkaProbe;
import io.tienda.platform.testing.http.TestApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.tienda.inventory.support.Saga.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing and reopening a warehouse with more SKUs than one batch: the status changes at once, the
 * SKUs' availability is republished a batch per transaction, one event per SKU, also when
 * reservations race the batches, and a recompute a crash left half done is completed.
 */
class WarehouseRecomputeIT extends InventoryIT {

    private static final ContractValidator CONTRACTS = new ContractValidator();

    @Autowired
    AvailabilityRecompute recompute;

    @Autowired
    InventoryCommands commands;

    @Autowired
    InventoryProperties properties;

    @Autowired
    StockLedger ledger;

    @Autowired
    TransactionTemplate transactions;

    int batch;
    String manager;

    @BeforeEach
    void setUp() {
        batch = properties.warehouses().recomputeBatch();
        manager = fixtures.manager();
    }

    @Test
    void aWarehouseWithMoreSkusThanABatchClosesAndReopensWithEverySkuRight() {
        String closing = fixtures.warehouse(60);
        String other = fixtures.warehouse(61);
        int count = 2 * batch + 5;
        Map<String, Integer> inClosing = stock(Fixtures.sku("BIG"), count, closing);
        Map<String, Integer> inOther = new TreeMap<>();
        inClosing.keySet().stream().filter(sku -> sku.hashCode() % 3 == 0).forEach(sku -> {
            fixtures.receive(sku, other, 2);
            inOther.put(sku, 2);
        });
        Map<String, Published> before = published(inClosing.keySet());

        JsonNode closed = api.patch("/api/v1/warehouses/" + closing, manager, Map.of("active", false)).expect(200).json();
        assertThat(closed.get("active").asBoolean()).isFalse();
        assertThat(closed.get("availabilityPending").asBoolean()).isTrue();
        awaitRecomputed(closing);

        Map<String, Published> afterClose = published(inClosing.keySet());
        for (String sku : inClosing.keySet()) {
            int expected = inOther.getOrDefault(sku, 0);
            assertThat(afterClose.get(sku)).as(sku).isEqualTo(new Published(expected, before.get(sku).version() + 1));
            assertThat(liveAvailability(sku)).as(sku).isEqualTo(expected);
        }

        api.patch("/api/v1/warehouses/" + closing, manager, Map.of("active", true)).expect(200);
        awaitRecomputed(closing);

        Map<String, Published> afterReopen = published(inClosing.keySet());
        for (String sku : inClosing.keySet()) {
            int expected = inClosing.get(sku) + inOther.getOrDefault(sku, 0);
            assertThat(afterReopen.get(sku)).as(sku).isEqualTo(new Published(expected, before.get(sku).version() + 2));
            assertThat(liveAvailability(sku)).as(sku).isEqualTo(expected);
        }
        // One receipt event per receipt, then exactly one for the close and one for the reopen.
        Map<String, List<JsonNode>> events = stockChanges(inClosing.keySet(),
                inClosing.size() + inOther.size() + 2 * inClosing.size());
        for (String sku : inClosing.keySet()) {
            List<JsonNode> changes = events.get(sku);
            int receipts = inOther.containsKey(sku) ? 2 : 1;
            assertThat(changes).as(sku).hasSize(receipts + 2);
            assertThat(changes.get(receipts).get("available").asInt()).as(sku).isEqualTo(inOther.getOrDefault(sku, 0));
            assertThat(changes.get(receipts + 1).get("available").asInt()).as(sku)
                    .isEqualTo(afterReopen.get(sku).available());
            assertThat(changes.get(receipts + 1).get("version").asLong()).isEqualTo(afterReopen.get(sku).version());
        }
    }

    @Test
    void reservationsRacingACloseNeverTakeMoreThanThereIsNorFromTheClosedWarehouseAfterwards() {
        String closing = fixtures.warehouse(1);
        String backup = fixtures.warehouse(2);
        String prefix = Fixtures.sku("RACE");
        stock(prefix, 2 * batch, closing);
        // the SKUs customers buy: the first, one in the middle and the last of the warehouse, in SKU order
        List<String> hot = List.of(prefix + "-0000-H", prefix + "-0020-H", prefix + "-9999-H");
        for (String sku : hot) {
            fixtures.receive(sku, closing, 5);
            fixtures.receive(sku, backup, 5);
        }
        Saga saga = new Saga(commands);

        List<Object> results = AllAtOnce.run(61, i -> i == 0
                ? api.patch("/api/v1/warehouses/" + closing, manager, Map.of("active", false)).expect(200)
                : saga.reserve(UUID.randomUUID(), lines(hot.get(i % 3), 1)));
        awaitRecomputed(closing);

        assertThat(results.stream().filter(StockReserved.class::isInstance).count()).isBetween(15L, 30L);
        for (String sku : hot) {
            Level inClosing = fixtures.level(sku, closing);
            Level inBackup = fixtures.level(sku, backup);
            for (String warehouse : List.of(closing, backup)) {
                Level level = fixtures.level(sku, warehouse);
                assertThat(level.reserved()).as("%s in %s", sku, warehouse).isBetween(0, level.onHand());
                assertThat(fixtures.ledger(sku, warehouse)).as("%s in %s", sku, warehouse).isEqualTo(level);
                assertThat(fixtures.heldByReservations(sku, warehouse)).as("%s in %s", sku, warehouse)
                        .isEqualTo(level.reserved());
            }
            assertThat(inClosing.reserved() + inBackup.reserved()).as(sku).isBetween(5, 10);
            int free = inBackup.onHand() - inBackup.reserved();
            assertThat(liveAvailability(sku)).as(sku).isEqualTo(free);
            Published last = published(List.of(sku)).get(sku);
            assertThat(last.available()).as(sku).isEqualTo(free);
            assertThat(api.get("/api/v1/inventory/" + sku, null).expect(200).json().get("available").asInt())
                    .isEqualTo(free);

            // Every figure published since the receipts was lower than the one before: the close and the
            // reservations only take units away, so a batch never published a figure that counted the
            // closed warehouse after a reservation had published one without it. "Before" is by version:
            // the outbox hands each transaction's messages to its relay after the commit, so two
            // transactions committed a moment apart may reach Kafka in either order; consumers keep the
            // highest version they have seen.
            List<JsonNode> changes = new ArrayList<>(stockChanges(List.of(sku), (int) last.version()).get(sku));
            changes.sort(Comparator.comparingLong(change -> change.get("version").asLong()));
            assertThat(changes).as(sku).hasSize((int) last.version());
            for (int i = 0; i < changes.size(); i++) {
                assertThat(changes.get(i).get("version").asLong()).as(sku).isEqualTo(i + 1);
            }
            assertThat(changes.get(changes.size() - 1).get("available").asInt()).as(sku).isEqualTo(free);
            for (int i = 2; i < changes.size(); i++) {
                assertThat(changes.get(i).get("available").asInt()).as(sku)
                        .isLessThan(changes.get(i - 1).get("available").asInt());
            }

            // From now on only the backup warehouse sells, however much the closed one still holds.
            for (int i = 0; i < free; i++) {
                assertThat(saga.reserve(UUID.randomUUID(), lines(sku, 1))).isInstanceOf(StockReserved.class);
            }
            assertThat(saga.reserve(UUID.randomUUID(), lines(sku, 1))).isInstanceOf(StockRejected.class);
            assertThat(fixtures.level(sku, closing)).isEqualTo(inClosing);
            assertThat(fixtures.level(sku, backup).reserved()).isEqualTo(inBackup.onHand());
        }
    }

    @Test
    void aRecomputeThatACrashLeftHalfDoneIsCompletedFromWhereItStopped() {
        String code = fixtures.warehouse(62);
        Map<String, Integer> skus = stock(Fixtures.sku("CRASH"), 2 * batch + 3, code);
        Map<String, Published> before = published(skus.keySet());
        UUID id = warehouseId(code);

        // What the status transaction commits, then one batch, then the instance dies.
        closeAsTheStatusTransactionDoes(id);
        assertThat(recompute.batch(id)).isEqualTo(new AvailabilityRecompute.Batch(batch, true));

        List<String> ordered = new ArrayList<>(skus.keySet());
        Map<String, Published> halfway = published(skus.keySet());
        for (int i = 0; i < ordered.size(); i++) {
            String sku = ordered.get(i);
            Published was = before.get(sku);
            assertThat(halfway.get(sku)).as(sku)
                    .isEqualTo(i < batch ? new Published(0, was.version() + 1) : was);
            // What can be sold does not wait for the batches.
            assertThat(liveAvailability(sku)).as(sku).isZero();
        }
        assertThat(api.get("/api/v1/warehouses/" + code, manager).json().get("availabilityPending").asBoolean())
                .isTrue();

        // The next start (or the sweeper) completes it.
        assertThat(recompute.completePending()).isGreaterThanOrEqualTo(skus.size() - batch);

        Map<String, Published> after = published(skus.keySet());
        for (String sku : skus.keySet()) {
            assertThat(after.get(sku)).as(sku).isEqualTo(new Published(0, before.get(sku).version() + 1));
        }
        JsonNode warehouse = api.get("/api/v1/warehouses/" + code, manager).json();
        assertThat(warehouse.get("availabilityPending").asBoolean()).isFalse();
        assertThat(warehouse.get("active").asBoolean()).isFalse();
        assertThat(recompute.batch(id)).isEqualTo(AvailabilityRecompute.Batch.NOTHING);
        Map<String, List<JsonNode>> events = stockChanges(skus.keySet(), 2 * skus.size());
        for (String sku : skus.keySet()) {
            assertThat(events.get(sku)).as(sku).hasSize(2);
            assertThat(events.get(sku).get(1).get("available").asInt()).as(sku).isZero();
        }
    }

    @Test
    void reopeningWhileTheCloseIsStillBeingRecomputedEndsWithTheOpenFigures() {
        String code = fixtures.warehouse(63);
        Map<String, Integer> skus = stock(Fixtures.sku("FLIP"), 2 * batch + 3, code);
        Map<String, Published> before = published(skus.keySet());
        UUID id = warehouseId(code);
        closeAsTheStatusTransactionDoes(id);
        recompute.batch(id);

        api.patch("/api/v1/warehouses/" + code, manager, Map.of("active", true)).expect(200);
        awaitRecomputed(code);

        List<String> ordered = new ArrayList<>(skus.keySet());
        Map<String, Published> after = published(skus.keySet());
        for (int i = 0; i < ordered.size(); i++) {
            String sku = ordered.get(i);
            // The SKUs the close had reached were published closed, then open again; the others never
            // stopped being published open.
            long versions = i < batch ? 2 : 0;
            assertThat(after.get(sku)).as(sku)
                    .isEqualTo(new Published(skus.get(sku), before.get(sku).version() + versions));
            assertThat(liveAvailability(sku)).as(sku).isEqualTo(skus.get(sku));
        }
    }

    @Test
    void closingAndReopeningAtOnceEndsWithTheRightFigures() {
        String code = fixtures.warehouse(64);
        Map<String, Integer> skus = stock(Fixtures.sku("QUICK"), batch + 3, code);

        api.patch("/api/v1/warehouses/" + code, manager, Map.of("active", false)).expect(200);
        api.patch("/api/v1/warehouses/" + code, manager, Map.of("active", true)).expect(200);
        api.patch("/api/v1/warehouses/" + code, manager, Map.of("active", false)).expect(200);
        api.patch("/api/v1/warehouses/" + code, manager, Map.of("active", true)).expect(200);
        awaitRecomputed(code);

        Map<String, Published> after = published(skus.keySet());
        Map<String, List<JsonNode>> events = stockChanges(skus.keySet(),
                (int) after.values().stream().mapToLong(Published::version).sum());
        for (String sku : skus.keySet()) {
            assertThat(after.get(sku).available()).as(sku).isEqualTo(skus.get(sku));
            assertThat(liveAvailability(sku)).as(sku).isEqualTo(skus.get(sku));
            List<JsonNode> changes = events.get(sku);
            assertThat(changes).as(sku).hasSize((int) after.get(sku).version());
            assertThat(changes.get(changes.size() - 1).get("available").asInt()).as(sku).isEqualTo(skus.get(sku));
            assertThat(changes.get(changes.size() - 1).get("version").asLong()).as(sku)
                    .isEqualTo(after.get(sku).version());
        }
    }

    @Test
    void aReceiptInAClosedWarehouseThatReopensBeforeItCommitsIsPublished() {
        String code = fixtures.warehouse(65);
        String sku = Fixtures.sku("REOPEN");
        fixtures.receive(sku, code, 3);
        api.patch("/api/v1/warehouses/" + code, manager, Map.of("active", false)).expect(200);
        awaitRecomputed(code);
        StockKey key = new StockKey(sku, warehouseId(code));

        transactions.executeWithoutResult(status -> {
            // A receipt locks the row while the warehouse is still closed...
            LockedStock locked = ledger.lockCreating(List.of(key));
            assertThat(locked.find(key).orElseThrow().warehouseActive()).isFalse();
            // ...the warehouse reopens and its recompute publishes the SKU without the receipt's units...
            CompletableFuture<Void> reopen = CompletableFuture.runAsync(() -> {
                api.patch("/api/v1/warehouses/" + code, manager, Map.of("active", true)).expect(200);
                awaitRecomputed(code);
            });
            try {
                reopen.get(90, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the reopen and its recompute did not complete", e);
            }
            assertThat(published(List.of(sku)).get(sku).available()).isEqualTo(3);
            // ...then the receipt moves and commits.
            locked.move(key, MovementKind.RECEIPT, 5, MovementSource.service("PO-REOPEN"));
            locked.publish();
        });

        assertThat(liveAvailability(sku)).isEqualTo(8);
        Published last = published(List.of(sku)).get(sku);
        assertThat(last.available()).isEqualTo(8);
        // the receipt, the close, the reopen and this receipt
        List<JsonNode> changes = stockChanges(List.of(sku), 4).get(sku);
        assertThat(changes).hasSize((int) last.version());
        assertThat(changes.get(changes.size() - 1).get("available").asInt()).isEqualTo(8);
        assertThat(changes.get(changes.size() - 1).get("version").asLong()).isEqualTo(last.version());
    }

    /** {@code count} SKUs {@code prefix-0000}, {@code prefix-0001}... received into {@code warehouse}, 1 to 5 units each. */
    private Map<String, Integer> stock(String prefix, int count, String warehouse) {
        Map<String, Integer> skus = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String sku = "%s-%04d".formatted(prefix, i);
            int quantity = 1 + i % 5;
            fixtures.receive(sku, warehouse, quantity);
            skus.put(sku, quantity);
        }
        return skus;
    }

    private void closeAsTheStatusTransactionDoes(UUID warehouseId) {
        jdbc.sql("update warehouses set active = false, recompute_after = '' where id = :id")
                .param("id", warehouseId).update();
    }

    private UUID warehouseId(String code) {
        return jdbc.sql("select id from warehouses where code = :code").param("code", code).query(UUID.class).single();
    }

    private void awaitRecomputed(String code) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !api.get("/api/v1/warehouses/" + code, manager).expect(200).json().get("availabilityPending").asBoolean());
    }

    record Published(int available, long version) {
    }

    /** The availability last published per SKU, with its version. */
    private Map<String, Published> published(Iterable<String> skus) {
        List<String> list = new ArrayList<>();
        skus.forEach(list::add);
        Map<String, Published> found = new HashMap<>();
        jdbc.sql("select sku, available, version from sku_availability where sku in (:skus)")
                .param("skus", list)
                .query((rs, row) -> found.put(rs.getString("sku"),
                        new Published(rs.getInt("available"), rs.getLong("version"))))
                .list();
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(list);
        return found;
    }

    /** On hand minus reserved over the active warehouses, as reservations see it. */
    private int liveAvailability(String sku) {
        return jdbc.sql("""
                        select coalesce(sum(s.on_hand - s.reserved), 0) from stock s
                          join warehouses w on w.id = s.warehouse_id where s.sku = :sku and w.active""")
                .param("sku", sku).query(Integer.class).single();
    }


    /**
     * The {@code inventory.stock_changed} events of these SKUs on Kafka, in order per SKU, each checked
     * against its contract: waits until at least {@code atLeast} of them are there, then reads what
     * else arrived, so that a test can tell exactly how many there are.
     */
    private Map<String, List<JsonNode>> stockChanges(Iterable<String> skus, int atLeast) {
        List<String> wanted = new ArrayList<>();
        skus.forEach(wanted::add);
        KafkaProbe probe = new KafkaProbe(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        int[] seen = {0};
        probe.read(Topics.INVENTORY_EVENTS, r -> isStockChange(r, wanted) && ++seen[0] >= atLeast,
                Duration.ofSeconds(60));
        Map<String, List<JsonNode>> changes = new HashMap<>();
        for (ConsumerRecord<String, String> record : probe.read(Topics.INVENTORY_EVENTS, r -> false,
                Duration.ofSeconds(5))) {
            if (isStockChange(record, wanted)) {
                CONTRACTS.requireValid("inventory.stock_changed", record.value());
                changes.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(TestApi.JSON.readTree(record.value()));
            }
        }
        assertThat(changes.values().stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(atLeast);
        return changes;
    }

    private static boolean isStockChange(ConsumerRecord<String, String> record, List<String> skus) {
        return "inventory.stock_changed".equals(KafkaProbe.header(record, Envelope.TYPE)) && skus.contains(record.key());
    }
}
