package io.tienda.order.orders.domain;

import io.tienda.platform.problem.IllegalTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTransitionsTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-02T10:00:00Z");

    private static final BiFunction<Order, Instant, Order> CONFIRM = (o, at) -> o.confirm(at, "saga", "paid");
    private static final BiFunction<Order, Instant, Order> REJECT = (o, at) -> o.reject(at, "saga", "no stock");
    private static final BiFunction<Order, Instant, Order> CANCEL = (o, at) -> o.cancel(at, "c-1", "mistake");
    private static final BiFunction<Order, Instant, Order> SHIP = (o, at) -> o.ship(new Tracking("SEUR", "T1", at),
            "staff");
    private static final BiFunction<Order, Instant, Order> DELIVER = (o, at) -> o.deliver(at, "staff");

    private static Order in(OrderStatus status) {
        return new Order(UUID.randomUUID(), "TND-2026-000001", "c-1", status,
                new OrderTotals("EUR", 1_000, 0, 0, 0, 1_000),
                List.of(new OrderLine(1, "SKU-1", "p-1", "Mug", 1, 1_000, 0, 1_000)), null, "pm_card_visa", null, null,
                "key", "hash", null, null, null, null, List.of(), CREATED, CREATED, 0);
    }

    @Test
    void theHappyPathRunsPendingToDelivered() {
        Order delivered = in(OrderStatus.PENDING).confirm(LATER, "checkout-saga", "payment authorised")
                .ship(new Tracking("SEUR", "TRK-1", LATER), "staff-manager").deliver(LATER, "staff-manager");

        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.updatedAt()).isEqualTo(LATER);
        assertThat(delivered.createdAt()).isEqualTo(CREATED);
        assertThat(delivered.status().isFinal()).isTrue();
        assertThat(delivered.tracking().trackingNumber()).isEqualTo("TRK-1");
        assertThat(delivered.deliveredAt()).isEqualTo(LATER);
        assertThat(delivered.history()).extracting(StatusChange::to)
                .containsExactly(OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
        assertThat(delivered.history()).extracting(StatusChange::seq).containsExactly(1, 2, 3);
        assertThat(delivered.history().get(0).actor()).isEqualTo("checkout-saga");
        assertThat(delivered.history().get(1).reason()).contains("SEUR").contains("TRK-1");
    }

    @Test
    void aCancellationRecordsWhoAndWhyAndClearsTheShoppersNextAction() {
        Order waiting = in(OrderStatus.PENDING).withNextAction(new NextAction("redirect_to_url", "https://3ds", "secret", null));

        Order cancelled = waiting.cancel(LATER, "c-1", "changed my mind");

        assertThat(cancelled.nextAction()).isNull();
        assertThat(cancelled.history()).containsExactly(
                new StatusChange(1, OrderStatus.PENDING, OrderStatus.CANCELLED, LATER, "c-1", "changed my mind"));
    }

    @Test
    void aPendingOrderMayBeRejectedOrCancelled() {
        assertThat(in(OrderStatus.PENDING).reject(LATER, "saga", "no stock").status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(in(OrderStatus.PENDING).cancel(LATER, "saga", "declined").status())
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aConfirmedOrderMayBeCancelledUntilItShips() {
        assertThat(in(OrderStatus.CONFIRMED).cancel(LATER, "c-1", "mistake").status())
                .isEqualTo(OrderStatus.CANCELLED);
        assertRefused(OrderStatus.SHIPPED, CANCEL);
        assertRefused(OrderStatus.DELIVERED, CANCEL);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"REJECTED", "CANCELLED", "DELIVERED"})
    void finalStatesAllowNoMove(OrderStatus end) {
        assertThat(end.isFinal()).isTrue();
        assertRefused(end, CONFIRM);
        assertRefused(end, REJECT);
        assertRefused(end, SHIP);
        assertRefused(end, DELIVER);
    }

    @Test
    void stepsCannotBeSkippedOrRepeated() {
        assertRefused(OrderStatus.PENDING, SHIP);
        assertRefused(OrderStatus.PENDING, DELIVER);
        assertRefused(OrderStatus.CONFIRMED, CONFIRM);
        assertRefused(OrderStatus.CONFIRMED, DELIVER);
        assertRefused(OrderStatus.CONFIRMED, REJECT);
        assertRefused(OrderStatus.SHIPPED, SHIP);
        assertRefused(OrderStatus.SHIPPED, REJECT);
    }

    private static void assertRefused(OrderStatus from, BiFunction<Order, Instant, Order> move) {
        Order order = in(from);
        assertThatThrownBy(() -> move.apply(order, LATER))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("order " + order.number() + " is " + from);
    }
}
