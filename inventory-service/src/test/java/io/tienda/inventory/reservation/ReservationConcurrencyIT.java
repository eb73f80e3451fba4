package io.tienda.inventory.reservation;

import io.tienda.inventory.reservation.domain.Reasons;
import io.tienda.inventory.reservation.messaging.InventoryCommands;
import io.tienda.inventory.support.Fixtures;
import io.tienda.inventory.support.Fixtures.Level;
import io.tienda.inventory.support.InventoryServiceTest;
import io.tienda.inventory.support.Saga;
import io.tienda.platform.events.saga.StockCommitted;
import io.tienda.platform.events.saga.StockLine;
import io.tienda.platform.events.saga.StockRejected;
import io.tienda.platform.events.saga.StockReleased;
import io.tienda.platform.events.saga.StockReserved;
import io.tienda.platform.testing.AllAtOnce;
import io.tienda.platform.testing.http.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.tienda.inventory.support.Saga.lines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many checkouts at once, each in its own transaction on its own connection, all started together:
 * never more units promised than there are, and no deadlocks whatever order the lines come in.
 */
@InventoryServiceTest
class ReservationConcurrencyIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InventoryCommands commands;

    Fixtures fixtures;
    Saga saga;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(new TestApi(http), jdbc);
        saga = new Saga(commands);
        fixtures.barcelona();
    }

    @Test
    void twoHundredCheckoutsForFiveUnitsReserveExactlyFive() {
        String sku = Fixtures.sku("HOT");
        fixtures.receive(sku, Fixtures.MADRID, 5);

        List<Object> replies = AllAtOnce.run(200, i -> saga.reserve(UUID.randomUUID(), lines(sku, 1)));

        assertThat(replies.stream().filter(StockReserved.class::isInstance)).hasSize(5);
        assertThat(replies.stream().filter(StockRejected.class::isInstance).map(r -> ((StockRejected) r).reason()))
                .hasSize(195).containsOnly(Reasons.INSUFFICIENT_STOCK);
        assertThat(fixtures.level(sku, Fixtures.MADRID)).isEqualTo(new Level(5, 5));
        assertThat(fixtures.ledger(sku, Fixtures.MADRID)).isEqualTo(new Level(5, 5));
        assertThat(fixtures.movements(sku, "RESERVATION")).isEqualTo(5);
        assertThat(jdbc.sql("""
                        select count(*) from reservations r join reservation_lines l on l.order_id = r.order_id
                         where l.sku = :sku and r.status = 'HELD'""")
                .param("sku", sku).query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void multiLineOrdersInOppositeOrdersNeverDeadlock() {
        String a = Fixtures.sku("DLA");
        String b = Fixtures.sku("DLB");
        fixtures.receive(a, Fixtures.MADRID, 50);
        fixtures.receive(a, Fixtures.BARCELONA, 30);
        fixtures.receive(b, Fixtures.BARCELONA, 50);
        fixtures.receive(b, Fixtures.MADRID, 30);
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            orders.add(UUID.randomUUID());
        }

        List<Object> replies = AllAtOnce.run(orders.size(), i -> saga.reserve(orders.get(i),
                i % 2 == 0 ? lines(a, 1, b, 1) : lines(b, 1, a, 1)));

        assertThat(replies.stream().filter(StockReserved.class::isInstance)).hasSize(80);
        assertThat(replies.stream().filter(StockRejected.class::isInstance)).hasSize(40);
        assertConsistent(a, b);
        assertThat(available(a)).isZero();
        assertThat(available(b)).isZero();

        // Commits, releases and new reservations of the same rows, all at once.
        List<UUID> held = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            if (replies.get(i) instanceof StockReserved) {
                held.add(orders.get(i));
            }
        }
        List<Object> mixed = AllAtOnce.run(held.size() + 40, i -> {
            if (i < held.size()) {
                return i % 2 == 0 ? saga.commit(held.get(i)) : saga.release(held.get(i), "payment-failed");
            }
            List<StockLine> lines = i % 2 == 0 ? lines(a, 1, b, 1) : lines(b, 2, a, 1);
            return saga.reserve(UUID.randomUUID(), lines);
        });

        assertThat(mixed.subList(0, held.size()))
                .allMatch(r -> r instanceof StockCommitted || r instanceof StockReleased);
        assertConsistent(a, b);
        assertThat(fixtures.movements(a, "COMMIT") + fixtures.movements(a, "RELEASE")).as("one line of a per order")
                .isEqualTo(80);
    }

    private int available(String sku) {
        return new TestApi(http).get("/api/v1/inventory/" + sku, null).json().get("available").asInt();
    }

    private void assertConsistent(String... skus) {
        for (String sku : skus) {
            for (String warehouse : List.of(Fixtures.MADRID, Fixtures.BARCELONA)) {
                Level level = fixtures.level(sku, warehouse);
                assertThat(level.onHand()).isGreaterThanOrEqualTo(level.reserved());
                assertThat(level.reserved()).isGreaterThanOrEqualTo(0);
                assertThat(fixtures.ledger(sku, warehouse)).as("%s in %s", sku, warehouse).isEqualTo(level);
                assertThat(fixtures.heldByReservations(sku, warehouse)).as("reserved %s in %s", sku, warehouse)
                        .isEqualTo(level.reserved());
            }
        }
    }
}
