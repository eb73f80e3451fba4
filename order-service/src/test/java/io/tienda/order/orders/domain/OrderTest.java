package io.tienda.order.orders.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderTest {

    @Test
    void totalsMustAddUp() {
        OrderTotals totals = new OrderTotals("EUR", 10_000, 1_000, 499, 1_890, 11_389);

        assertThat(totals.total()).isEqualTo(10_000 - 1_000 + 499 + 1_890);
        assertThatIllegalArgumentException().isThrownBy(() -> new OrderTotals("EUR", 10_000, 0, 0, 0, 9_999));
    }

    @Test
    void theItemCountIsTheUnitsAcrossAllLines() {
        Order order = new Order(UUID.randomUUID(), "c-1", OrderStatus.PENDING,
                new OrderTotals("EUR", 2_199, 0, 0, 0, 2_199),
                List.of(new OrderLine(1, "SKU-1", "p-1", "Mug", 2, 1_000, 2_000),
                        new OrderLine(2, "SKU-2", "p-2", "Pen", 1, 199, 199)),
                Instant.now(), Instant.now());

        assertThat(order.itemCount()).isEqualTo(3);
        assertThat(order.withLines(List.of()).itemCount()).isZero();
    }
}
