package io.tienda.inventory.reservation;

import io.tienda.inventory.reservation.domain.Reasons;
import io.tienda.inventory.reservation.messaging.InventoryCommands;
import io.tienda.inventory.support.Fixtures;
import io.tienda.inventory.support.Fixtures.Level;
import io.tienda.inventory.support.InventoryIT;
import io.tienda.platform.testing.messaging.EventMessages;
import io.tienda.inventory.support.Saga;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.ReserveStock;
import io.tienda.platform.events.saga.StockCommitted;
import io.tienda.platform.events.saga.StockRejected;
import io.tienda.platform.events.saga.StockReleased;
import io.tienda.platform.events.saga.StockReserved;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.inventory.support.Saga.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The checkout saga's stock steps, each in one transaction, against real PostgreSQL. */
class ReservationIT extends InventoryIT {

    @Autowired
    InventoryCommands commands;

    Saga saga;
    String a;
    String b;
    UUID order;

    @BeforeEach
    void setUp() {
        saga = new Saga(commands);
        fixtures.barcelona();
        a = Fixtures.sku("RA");
        b = Fixtures.sku("RB");
        order = UUID.randomUUID();
    }

    @Test
    void anOrderIsReservedFromTheFirstWarehouseByPriorityThatFillsItAll() {
        fixtures.receive(a, Fixtures.MADRID, 5);
        fixtures.receive(a, Fixtures.BARCELONA, 5);
        fixtures.receive(b, Fixtures.MADRID, 5);
        fixtures.receive(b, Fixtures.BARCELONA, 5);

        Object reply = saga.reserve(order, lines(a, 2, b, 1));

        assertThat(reply).isInstanceOf(StockReserved.class);
        StockReserved reserved = (StockReserved) reply;
        assertThat(reserved.orderId()).isEqualTo(order);
        assertThat(reserved.reservationId()).isNotNull();
        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(5, 2));
        assertThat(fixtures.level(b, Fixtures.MADRID)).isEqualTo(new Level(5, 1));
        assertThat(fixtures.level(a, Fixtures.BARCELONA)).isEqualTo(new Level(5, 0));
        assertThat(api.get("/api/v1/inventory/" + a, null).json().get("available").asInt()).isEqualTo(8);
        assertThat(status(order)).isEqualTo("HELD");
        assertLedgerExplainsStock(a, b);
    }

    @Test
    void oneWarehouseThatFillsTheWholeOrderIsPreferredToSplittingIt() {
        fixtures.receive(a, Fixtures.MADRID, 5);
        fixtures.receive(a, Fixtures.BARCELONA, 5);
        fixtures.receive(b, Fixtures.BARCELONA, 5);

        assertThat(saga.reserve(order, lines(a, 2, b, 1))).isInstanceOf(StockReserved.class);

        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(5, 0));
        assertThat(fixtures.level(a, Fixtures.BARCELONA)).isEqualTo(new Level(5, 2));
        assertThat(fixtures.level(b, Fixtures.BARCELONA)).isEqualTo(new Level(5, 1));
    }

    @Test
    void anOrderNoWarehouseFillsAloneIsSplit() {
        fixtures.receive(a, Fixtures.MADRID, 3);
        fixtures.receive(a, Fixtures.BARCELONA, 3);

        assertThat(saga.reserve(order, lines(a, 5))).isInstanceOf(StockReserved.class);

        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(3, 3));
        assertThat(fixtures.level(a, Fixtures.BARCELONA)).isEqualTo(new Level(3, 2));
        assertThat(jdbc.sql("select count(*) from reservation_lines where order_id = :order").param("order", order)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void anOrderIsReservedWhollyOrNotAtAll() {
        fixtures.receive(a, Fixtures.MADRID, 10);
        fixtures.receive(b, Fixtures.MADRID, 1);

        Object reply = saga.reserve(order, lines(a, 2, b, 2));

        assertThat(reply).isEqualTo(new StockRejected(order, Reasons.INSUFFICIENT_STOCK, List.of(b)));
        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(10, 0));
        assertThat(fixtures.movements(a, "RESERVATION")).isZero();
        assertThat(status(order)).isEqualTo("REJECTED");
        assertThat(saga.reserve(order, lines(a, 2, b, 1))).as("a replay answers the first answer").isEqualTo(reply);
    }

    @Test
    void stockInAClosedWarehouseIsNotReserved() {
        String closed = fixtures.warehouse(1);
        fixtures.receive(a, closed, 10);
        fixtures.receive(a, Fixtures.MADRID, 1);
        api.patch("/api/v1/warehouses/" + closed, fixtures.manager(), Map.of("active", false)).expect(200);

        assertThat(saga.reserve(order, lines(a, 2)))
                .isEqualTo(new StockRejected(order, Reasons.INSUFFICIENT_STOCK, List.of(a)));
        assertThat(saga.reserve(UUID.randomUUID(), lines(a, 1))).isInstanceOf(StockReserved.class);
        assertThat(fixtures.level(a, closed)).isEqualTo(new Level(10, 0));
    }

    @Test
    void badLinesAndPastExpiriesAreRejectedAndRecorded() {
        fixtures.receive(a, Fixtures.MADRID, 10);

        assertThat(saga.reserve(order, lines(a, 1, "bad sku", 1)))
                .isEqualTo(new StockRejected(order, Reasons.INVALID_LINES, List.of("bad sku")));
        UUID zero = UUID.randomUUID();
        assertThat(saga.reserve(zero, lines(a, 0)))
                .isEqualTo(new StockRejected(zero, Reasons.INVALID_LINES, List.of(a)));
        UUID empty = UUID.randomUUID();
        assertThat(saga.reserve(empty, List.of()))
                .isEqualTo(new StockRejected(empty, Reasons.INVALID_LINES, List.of()));
        UUID late = UUID.randomUUID();
        assertThat(saga.send(late, new ReserveStock(late, lines(a, 1), Instant.now().minusSeconds(1))))
                .isEqualTo(new StockRejected(late, Reasons.ALREADY_EXPIRED, List.of()));
        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(10, 0));
    }

    @Test
    void noCheckoutHoldsStockLongerThanTheLongestHold() {
        fixtures.receive(a, Fixtures.MADRID, 1);

        StockReserved reserved = (StockReserved) saga.reserve(order, Duration.ofDays(30), lines(a, 1));

        assertThat(reserved.expiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(59)),
                Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(reserved.expiresAt()).isEqualTo(reserved.expiresAt().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aReleaseGivesTheUnitsBackOnceAndAReleaseOfNothingIsAnsweredToo() {
        fixtures.receive(a, Fixtures.MADRID, 4);
        saga.reserve(order, lines(a, 3));

        assertThat(saga.release(order, "payment-failed")).isEqualTo(new StockReleased(order));
        assertThat(saga.release(order, "payment-failed")).isEqualTo(new StockReleased(order));
        UUID unknown = UUID.randomUUID();
        assertThat(saga.release(unknown, "timeout")).isEqualTo(new StockReleased(unknown));

        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(4, 0));
        assertThat(fixtures.movements(a, "RELEASE")).isEqualTo(1);
        assertThat(status(order)).isEqualTo("RELEASED");
        assertThat(saga.commit(order)).isEqualTo(new StockRejected(order, Reasons.RESERVATION_RELEASED, List.of()));
        assertLedgerExplainsStock(a);
    }

    @Test
    void aCommitSellsTheReservedUnitsOnceAndACancellationPutsThemBack() {
        fixtures.receive(a, Fixtures.MADRID, 4);
        fixtures.receive(b, Fixtures.BARCELONA, 2);
        saga.reserve(order, lines(a, 3, b, 2));

        assertThat(saga.commit(order)).isEqualTo(new StockCommitted(order));
        assertThat(saga.commit(order)).isEqualTo(new StockCommitted(order));

        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(1, 0));
        assertThat(fixtures.level(b, Fixtures.BARCELONA)).isEqualTo(new Level(0, 0));
        assertThat(fixtures.movements(a, "COMMIT")).isEqualTo(1);
        assertThat(status(order)).isEqualTo("COMMITTED");

        assertThat(saga.release(order, "cancelled-by-customer")).isEqualTo(new StockReleased(order));
        assertThat(saga.release(order, "cancelled-by-customer")).isEqualTo(new StockReleased(order));
        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(4, 0));
        assertThat(fixtures.level(b, Fixtures.BARCELONA)).isEqualTo(new Level(2, 0));
        assertThat(fixtures.movements(a, "RESTOCK")).isEqualTo(1);
        assertThat(status(order)).isEqualTo("RESTOCKED");
        assertThat(saga.commit(order)).isEqualTo(new StockRejected(order, Reasons.RESERVATION_RELEASED, List.of()));
        assertLedgerExplainsStock(a, b);
    }

    @Test
    void aCommitWithoutAReservationIsRejected() {
        assertThat(saga.commit(order)).isEqualTo(new StockRejected(order, Reasons.NO_RESERVATION, List.of()));
        UUID rejected = UUID.randomUUID();
        saga.reserve(rejected, lines(a, 1));
        assertThat(saga.commit(rejected))
                .isEqualTo(new StockRejected(rejected, Reasons.RESERVATION_REJECTED, List.of(a)));
    }

    @Test
    void theSweeperReleasesExpiredReservationsAndTellsTheSaga() {
        fixtures.receive(a, Fixtures.MADRID, 2);
        UUID lasting = UUID.randomUUID();
        saga.reserve(lasting, Duration.ofMinutes(10), lines(a, 1));

        saga.reserve(order, Duration.ofSeconds(2), lines(a, 1));
        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(2, 2));

        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("EXPIRED"));
        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(2, 1));
        assertThat(status(lasting)).isEqualTo("HELD");
        assertThat(fixtures.movements(a, "RELEASE")).isEqualTo(1);
        List<EventMessages.Published> released = messages().await(Topics.SAGA_REPLIES, "inventory.stock_released",
                order.toString(), 1);
        assertThat(released.get(0).json().get("orderId").asString()).isEqualTo(order.toString());
        assertThat(saga.release(order, "timeout")).as("nothing left to release").isEqualTo(new StockReleased(order));
        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(2, 1));
        // released on purpose after it expired: a commit that still arrives may not take the units again
        assertThat(status(order)).isEqualTo("RELEASED");
        assertThat(saga.commit(order)).isEqualTo(new StockRejected(order, Reasons.RESERVATION_RELEASED, List.of()));
        assertThat(saga.release(order, "timeout")).isEqualTo(new StockReleased(order));
        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(2, 1));
        assertThat(fixtures.movements(a, "RELEASE")).isEqualTo(1);
        assertLedgerExplainsStock(a);
    }

    @Test
    void aLateCommitTakesTheUnitsAgainWhenTheyAreStillThere() {
        fixtures.receive(a, Fixtures.MADRID, 1);
        fixtures.receive(a, Fixtures.BARCELONA, 5);
        saga.reserve(order, Duration.ofMillis(500), lines(a, 3));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("EXPIRED"));

        assertThat(saga.commit(order)).isEqualTo(new StockCommitted(order));
        assertThat(saga.commit(order)).isEqualTo(new StockCommitted(order));

        assertThat(status(order)).isEqualTo("COMMITTED");
        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(1, 0));
        assertThat(fixtures.level(a, Fixtures.BARCELONA)).isEqualTo(new Level(2, 0));
        assertLedgerExplainsStock(a);
    }

    @Test
    void aLateCommitWhoseUnitsAreGoneIsRejectedForGood() {
        fixtures.receive(a, Fixtures.MADRID, 2);
        saga.reserve(order, Duration.ofMillis(500), lines(a, 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("EXPIRED"));
        assertThat(saga.reserve(UUID.randomUUID(), lines(a, 1))).isInstanceOf(StockReserved.class);

        StockRejected expected = new StockRejected(order, Reasons.RESERVATION_EXPIRED, List.of(a));
        assertThat(saga.commit(order)).isEqualTo(expected);
        fixtures.receive(a, Fixtures.MADRID, 10);
        assertThat(saga.commit(order)).as("stock came back, but the answer stays").isEqualTo(expected);

        assertThat(status(order)).isEqualTo("RELEASED");
        assertThat(fixtures.level(a, Fixtures.MADRID)).isEqualTo(new Level(12, 1));
        assertLedgerExplainsStock(a);
    }

    @Test
    void everyChangeOfAvailabilityIsAnnouncedOncePerTransaction() {
        fixtures.receive(a, Fixtures.MADRID, 2);
        fixtures.receive(a, Fixtures.BARCELONA, 2);

        saga.reserve(order, lines(a, 3));
        saga.commit(order);

        List<EventMessages.Published> changes = messages().await(Topics.INVENTORY_EVENTS, "inventory.stock_changed", a, 3);
        assertThat(messages().all(Topics.INVENTORY_EVENTS, a).stream()
                .filter(p -> p.type().equals("inventory.stock_changed"))).hasSize(3);
        assertThat(changes.stream().map(p -> p.json().get("available").asInt()))
                .as("two receipts, then one reservation split over two rows; the commit changes nothing for sale")
                .containsExactly(2, 4, 1);
        assertThat(changes.stream().map(p -> p.json().get("inStock").asBoolean())).containsOnly(true);
    }

    private String status(UUID orderId) {
        return jdbc.sql("select status from reservations where order_id = :order").param("order", orderId)
                .query(String.class).optional().orElse("NONE");
    }

    private void assertLedgerExplainsStock(String... skus) {
        for (String sku : skus) {
            for (String warehouse : List.of(Fixtures.MADRID, Fixtures.BARCELONA)) {
                boolean stocked = jdbc.sql("""
                                select count(*) from stock s join warehouses w on w.id = s.warehouse_id
                                 where s.sku = :sku and w.code = :code""")
                        .param("sku", sku).param("code", warehouse).query(Integer.class).single() > 0;
                if (stocked) {
                    assertThat(fixtures.ledger(sku, warehouse)).as("%s in %s", sku, warehouse)
                            .isEqualTo(fixtures.level(sku, warehouse));
                }
            }
        }
    }
}
