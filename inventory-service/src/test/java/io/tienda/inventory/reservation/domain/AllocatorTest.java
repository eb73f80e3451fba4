package io.tienda.inventory.reservation.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllocatorTest {

    static final UUID MADRID = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID BARCELONA = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID LIMA = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    static Candidate madrid(String sku, int available) {
        return new Candidate(sku, MADRID, "MAD-1", 10, available);
    }

    static Candidate barcelona(String sku, int available) {
        return new Candidate(sku, BARCELONA, "BCN-1", 20, available);
    }

    static Candidate lima(String sku, int available) {
        return new Candidate(sku, LIMA, "LIM-1", 20, available);
    }

    static SortedMap<String, Integer> order(Object... skuAndQuantity) {
        SortedMap<String, Integer> order = new TreeMap<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            order.put((String) skuAndQuantity[i], (Integer) skuAndQuantity[i + 1]);
        }
        return order;
    }

    @Test
    void theHighestPriorityWarehouseThatFillsEveryLineShipsTheWholeOrder() {
        Allocation allocation = Allocator.allocate(order("A", 2, "B", 1),
                List.of(barcelona("A", 5), barcelona("B", 5), madrid("A", 5), madrid("B", 5)));

        assertThat(allocation).isEqualTo(new Allocation.Filled(List.of(
                new ReservationLine("A", MADRID, 2), new ReservationLine("B", MADRID, 1)), false));
    }

    @Test
    void oneWarehouseThatFillsEverythingBeatsABetterPriorityThatFillsOnlyPart() {
        Allocation allocation = Allocator.allocate(order("A", 2, "B", 1),
                List.of(madrid("A", 5), barcelona("A", 2), barcelona("B", 1)));

        assertThat(allocation).isEqualTo(new Allocation.Filled(List.of(
                new ReservationLine("A", BARCELONA, 2), new ReservationLine("B", BARCELONA, 1)), false));
    }

    @Test
    void equalPrioritiesAreBrokenByWarehouseCode() {
        Allocation allocation = Allocator.allocate(order("A", 1), List.of(barcelona("A", 5), lima("A", 5)));

        assertThat(((Allocation.Filled) allocation).lines()).containsExactly(new ReservationLine("A", BARCELONA, 1));
    }

    @Test
    void whenNoWarehouseFillsEverythingTheOrderIsSplitGreedilyByPriority() {
        Allocation allocation = Allocator.allocate(order("A", 6, "B", 1),
                List.of(madrid("A", 4), barcelona("A", 5), barcelona("B", 3)));

        assertThat(allocation).isEqualTo(new Allocation.Filled(List.of(
                new ReservationLine("A", MADRID, 4), new ReservationLine("A", BARCELONA, 2),
                new ReservationLine("B", BARCELONA, 1)), true));
    }

    @Test
    void anOrderThatCannotBeFilledAllocatesNothingAndNamesTheShortSkus() {
        Allocation allocation = Allocator.allocate(order("A", 6, "B", 1, "C", 1),
                List.of(madrid("A", 4), barcelona("A", 1), madrid("C", 1)));

        assertThat(allocation).isEqualTo(new Allocation.Short(List.of("A", "B")));
    }

    @Test
    void emptyRowsAndOtherSkusAreIgnored() {
        Allocation allocation = Allocator.allocate(order("A", 1),
                List.of(madrid("A", 0), madrid("Z", 100), barcelona("A", 1)));

        assertThat(((Allocation.Filled) allocation).lines()).containsExactly(new ReservationLine("A", BARCELONA, 1));
    }

    @Test
    void anOrderWithoutLinesIsAMistake() {
        assertThatThrownBy(() -> Allocator.allocate(order(), List.of(madrid("A", 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
