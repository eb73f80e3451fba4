package io.tienda.inventory.reservation.domain;

import java.util.List;

/** Where an order's units will come from, or why they cannot. */
public sealed interface Allocation {

    /**
     * Every line can be filled.
     *
     * @param split whether the order ships from more than one warehouse
     */
    record Filled(List<ReservationLine> lines, boolean split) implements Allocation {

        public Filled {
            lines = List.copyOf(lines);
        }
    }

    /** These SKUs cannot be filled from all the active warehouses together; nothing is allocated. */
    record Short(List<String> skus) implements Allocation {

        public Short {
            skus = List.copyOf(skus);
        }
    }
}
