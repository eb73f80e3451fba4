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

    private static Order in(OrderStatus status) {
        return new Order(UUID.randomUUID(), "c-1", status, new OrderTotals("EUR", 1_000, 0, 0, 0, 1_000),
                List.of(new OrderLine(1, "SKU-1", "p-1", "Mug", 1, 1_000, 1_000)), CREATED, CREATED);
    }

    @Test
    void theHappyPathRunsPendingToDelivered() {
        Order delivered = in(OrderStatus.PENDING).confirm(LATER).ship(LATER).deliver(LATER);

        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.updatedAt()).isEqualTo(LATER);
        assertThat(delivered.createdAt()).isEqualTo(CREATED);
        assertThat(delivered.status().isFinal()).isTrue();
    }

    @Test
    void aPendingOrderMayBeRejectedOrCancelled() {
        assertThat(in(OrderStatus.PENDING).reject(LATER).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(in(OrderStatus.PENDING).cancel(LATER).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aConfirmedOrderMayBeCancelledUntilItShips() {
        assertThat(in(OrderStatus.CONFIRMED).cancel(LATER).status()).isEqualTo(OrderStatus.CANCELLED);
        assertRefused(OrderStatus.SHIPPED, Order::cancel);
        assertRefused(OrderStatus.DELIVERED, Order::cancel);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"REJECTED", "CANCELLED", "DELIVERED"})
    void finalStatesAllowNoMove(OrderStatus end) {
        assertThat(end.isFinal()).isTrue();
        assertRefused(end, Order::confirm);
        assertRefused(end, Order::reject);
        assertRefused(end, Order::ship);
        assertRefused(end, Order::deliver);
    }

    @Test
    void stepsCannotBeSkippedOrRepeated() {
        assertRefused(OrderStatus.PENDING, Order::ship);
        assertRefused(OrderStatus.PENDING, Order::deliver);
        assertRefused(OrderStatus.CONFIRMED, Order::confirm);
        assertRefused(OrderStatus.CONFIRMED, Order::deliver);
        assertRefused(OrderStatus.CONFIRMED, Order::reject);
        assertRefused(OrderStatus.SHIPPED, Order::ship);
        assertRefused(OrderStatus.SHIPPED, Order::reject);
    }

    private static void assertRefused(OrderStatus from, BiFunction<Order, Instant, Order> move) {
        Order order = in(from);
        assertThatThrownBy(() -> move.apply(order, LATER))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("order " + order.id() + " is " + from);
    }
}
