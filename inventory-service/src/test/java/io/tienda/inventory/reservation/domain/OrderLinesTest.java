package io.tienda.inventory.reservation.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrderLinesTest {

    static OrderLines of(OrderLines.Line... lines) {
        return OrderLines.of(Arrays.asList(lines));
    }

    static OrderLines.Line line(String sku, int quantity) {
        return new OrderLines.Line(sku, quantity);
    }

    @Test
    void aSkuListedTwiceIsReservedOnceWithBothQuantities() {
        OrderLines lines = of(line("B", 1), line("A", 2), line("B", 3));

        assertThat(lines.valid()).isTrue();
        assertThat(lines.units()).isEqualTo(Map.of("A", 2, "B", 4));
        assertThat(lines.units().firstKey()).as("in SKU order").isEqualTo("A");
    }

    @Test
    void malformedSkusAndImpossibleQuantitiesAreNamed() {
        OrderLines lines = of(line("A", 1), line("bad sku", 1), line("B", 0), line("C", -4),
                line("D", OrderLines.MAX_QUANTITY + 1));

        assertThat(lines.valid()).isFalse();
        assertThat(lines.invalid()).containsExactly("bad sku", "B", "C", "D");
    }

    @Test
    void noLinesALineWithoutASkuOrTooManyLinesCannotBeReserved() {
        assertThat(of().valid()).isFalse();
        assertThat(OrderLines.of(null).valid()).isFalse();
        assertThat(of(line("A", 1), null).valid()).isFalse();
        assertThat(of(line(null, 1)).invalid()).isEmpty();
        assertThat(of(line(null, 1)).valid()).isFalse();
        List<OrderLines.Line> many = new ArrayList<>();
        for (int i = 0; i <= OrderLines.MAX_LINES; i++) {
            many.add(line("SKU-" + i, 1));
        }
        assertThat(OrderLines.of(many).valid()).isFalse();
    }
}
